/**
 * Attack tools on summary PDFs, built by the tests (no checked-in blobs): change the text a page
 * shows while keeping everything else (the embedded JSON, the verification code), attach more
 * files, and hand-written PDFs (many pages, an inflate bomb).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const hasQpdf = spawnSync('sh', ['-c', 'command -v qpdf']).status === 0;
if (process.env.CI === 'true' && !hasQpdf) throw new Error('qpdf is needed for the PDF attack tests (CI must not skip them)');

/**
 * In an uncompressed PDF (pdfkit `compress: false`), replaces the glyphs showing `from` with
 * those showing `to` (same length) wherever a page shows it, through the fonts' ToUnicode maps:
 * what an attacker with a text editor does. Byte offsets stay, so the file stays valid.
 */
export function replaceShownText(pdf: Buffer, from: string, to: string): Buffer {
  if ([...from].length !== [...to].length) throw new Error('same length only');
  let text = pdf.toString('latin1');
  let replaced = 0;
  for (const m of text.matchAll(/<0000> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
    const codes = new Map<string, string>();
    [...m[1]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((u, i) => {
      const ch = String.fromCodePoint(parseInt(u[1]!.slice(0, 4), 16));
      if (u[1]!.length === 4 && !codes.has(ch)) codes.set(ch, i.toString(16).padStart(4, '0'));
    });
    const enc = (s: string) => ([...s].every((c) => codes.has(c)) ? [...s].map((c) => codes.get(c)).join('') : null);
    const a = enc(from), b = enc(to);
    if (!a || !b) continue;
    const before = text;
    text = text.split(`<${a}>`).join(`<${b}>`);
    if (text !== before) replaced++;
  }
  if (replaced === 0) throw new Error(`no page shows ${from} in one font run`);
  return Buffer.from(text, 'latin1');
}

/** Adds an embedded file with qpdf (a second `promise-summary.json`, or another name). */
export function attach(pdf: Buffer, dir: string, content: Buffer | string, filename: string, key: string): Buffer {
  const src = join(dir, `in-${key}.pdf`), file = join(dir, `att-${key}`), out = join(dir, `out-${key}.pdf`);
  writeFileSync(src, pdf);
  writeFileSync(file, content);
  execFileSync('qpdf', [src, '--add-attachment', file, `--key=${key}`, `--filename=${filename}`, '--', out]);
  return execFileSync('cat', [out], { maxBuffer: 64 * 1024 * 1024 });
}

/** Re-saves the whole file with qpdf (object streams, new layout): another program's save. */
export function qpdfResave(pdf: Buffer, dir: string): Buffer {
  const src = join(dir, 'resave-in.pdf'), out = join(dir, 'resave-out.pdf');
  writeFileSync(src, pdf);
  execFileSync('qpdf', ['--object-streams=generate', src, out]);
  return execFileSync('cat', [out], { maxBuffer: 64 * 1024 * 1024 });
}

/** A minimal valid PDF from object bodies (object n is bodies[n-1]; 1 is the catalog). */
export function buildPdf(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1'), Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    offset += chunk.length;
    parts.push(chunk);
  });
  const xref = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A PDF of `n` empty pages. */
export function manyPages(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Count ${n} /Kids [${kids}] >>`, ...Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>')]);
}

/** A one-page PDF whose embedded promise-summary.json is `inflated` bytes of JSON padding, deflated. */
export function inflateBomb(inflated: number): Buffer {
  const json = Buffer.alloc(inflated, 0x20);
  json.write('{"summary":{},"signatures":[]}', 0);
  const packed = deflateSync(json, { level: 9 });
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(promise-summary.json) 4 0 R] >> >> >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>',
    '<< /Type /Filespec /F (promise-summary.json) /UF (promise-summary.json) /EF << /F 5 0 R >> >>',
    Buffer.concat([Buffer.from(`<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]),
  ]);
}
