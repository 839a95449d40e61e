/**
 * The PDF form: readable by people (checked through poppler's pdftotext and pdftoppm), carrying the
 * signed JSON that verify reads, whatever tool re-saved the file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSummaryPdf } from '../../../main/summary/pdf';
import { signSummary, verificationCode } from '../../../main/summary/sign-summary';
import { verifyFile } from '../../../main/summary/verify';
import type { CheckResult } from '../../../shared/schemas/check';
import { knowing, makeSigner, samplePromise, signedCopy } from './signing-fixture';
import { missing } from '../../support/requires';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const poppler = has('pdftotext') && has('pdftoppm');
const dir = mkdtempSync(join(tmpdir(), 'summary-pdf-'));
const maria = makeSigner('Maria Keller', 'manager');

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function pagesText(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
}

/** A result with many lines, so the PDF runs over several pages. */
function longResult(lines: number): CheckResult {
  const r = samplePromise().result;
  const [a, b] = r.lines;
  r.lines = Array.from({ length: lines }, (_, i) => ({ ...(i % 2 ? b! : a!), sku: `SKU-${String(i + 1).padStart(3, '0')}` }));
  return r;
}

/** Appends an incremental update (a new Info dictionary), as editors do when they save. */
function incrementalSave(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
  const objOffset = pdf.length + 1;
  const obj = `\n${size} 0 obj\n<< /Producer (Some Viewer 1.0) /Title (re-saved) >>\nendobj\n`;
  const xrefOffset = pdf.length + obj.length;
  const xref = `xref\n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(obj + xref, 'latin1')]);
}

describe('summary PDF', () => {
  it('verifies as intact, both copies', async () => {
    for (const copy of ['customer', 'internal'] as const) {
      const pdf = await renderSummaryPdf(signedCopy(maria, copy), { issuer: 'Nordpumpen AG' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const v = await verifyFile(pdf, knowing(maria));
      expect(v.message).toBe('intact: signed by Maria Keller (manager) on 2026-11-22');
    }
  });

  it('is the same document every time for the same signed summary', async () => {
    const doc = signedCopy(maria, 'customer');
    expect((await renderSummaryPdf(doc)).equals(await renderSummaryPdf(doc))).toBe(true);
  });

  it('one digit changed in the embedded JSON: altered', async () => {
    const pdf = await renderSummaryPdf(signedCopy(maria, 'customer'), { compress: false });
    const text = pdf.toString('latin1');
    const at = text.indexOf('"qty": 500');
    expect(at).toBeGreaterThan(0);
    const changed = Buffer.from(pdf);
    changed.write('6', at + '"qty": '.length, 'latin1');
    expect(await verifyFile(changed, knowing(maria))).toMatchObject({ intact: false, problem: 'altered' });
    expect((await verifyFile(pdf, knowing(maria))).intact).toBe(true);
  });

  it('a damaged compressed stream is never intact', async () => {
    const pdf = await renderSummaryPdf(signedCopy(maria, 'customer'));
    const text = pdf.toString('latin1');
    const ef = text.indexOf('/Type /EmbeddedFile');
    const stream = text.indexOf('stream', ef) + 'stream\n'.length;
    const changed = Buffer.from(pdf);
    changed[stream + 20] = changed[stream + 20]! ^ 0x10;
    expect((await verifyFile(changed, knowing(maria))).intact).toBe(false);
  });

  it('re-signed with another key and re-made: another key', async () => {
    const forger = makeSigner('Maria Keller', 'manager');
    const doc = signedCopy(maria, 'customer');
    const changed = structuredClone(doc.summary);
    for (const l of changed.lines) l.qty *= 2;
    const forged = signSummary(changed, forger, '2026-11-23T08:00:00Z');
    const v = await verifyFile(await renderSummaryPdf(forged), knowing(maria));
    expect(v).toMatchObject({ intact: false, problem: 'another_key' });
  });

  it('an incremental save by another tool changes nothing', async () => {
    const pdf = await renderSummaryPdf(signedCopy(maria, 'internal'));
    const saved = incrementalSave(pdf);
    expect(saved.length).toBeGreaterThan(pdf.length);
    expect((await verifyFile(saved, knowing(maria))).intact).toBe(true);
  });

  it.skipIf(missing('qpdf', has('qpdf')))('a full rewrite by qpdf (object streams, new layout) changes nothing', async () => {
    const path = write('rewrite-in.pdf', await renderSummaryPdf(signedCopy(maria, 'internal')));
    for (const [i, args] of [['--object-streams=generate'], ['--qdf', '--object-streams=disable'], ['--linearize']].entries()) {
      const out = join(dir, `rewrite-${i}.pdf`);
      execFileSync('qpdf', [...args, path, out]);
      expect(readFileSync(out).equals(readFileSync(path))).toBe(false);
      expect((await verifyFile(readFileSync(out), knowing(maria))).message).toMatch(/^intact: /);
    }
  });

  it.skipIf(missing('poppler (pdftoppm, pdftotext)', poppler))('the customer copy shows no cost, margin, reason or approval comment', async () => {
    const p = samplePromise();
    const customer = pagesText(write('customer.pdf', await renderSummaryPdf(signedCopy(maria, 'customer', p)))).join('\n');
    const internal = pagesText(write('internal.pdf', await renderSummaryPdf(signedCopy(maria, 'internal', p)))).join('\n');
    for (const t of ['Acme GmbH', 'PUMP-100', 'Check valve DN20', '1,200', '12.4000', '2026-12-10', 'EUR 9,950.00']) {
      expect(customer).toContain(t);
      expect(internal).toContain(t);
    }
    for (const t of ['Costs and margins', 'Margin', '4,100.00', '3,612.50', '23.39', '10.71', 'needs_overtime', 'below the floor', 'shift lead', 'Approvals', 'Data version'.toUpperCase()]) {
      expect(customer).not.toContain(t);
      expect(internal).toContain(t);
    }
    expect(customer.toLowerCase()).not.toMatch(/cost|margin|overtime|discount/);
  });

  it.skipIf(missing('poppler (pdftoppm, pdftotext)', poppler))('carries the verification code on every page, and pdftoppm renders every page', async () => {
    for (const copy of ['customer', 'internal'] as const) {
      const doc = signedCopy(maria, copy, samplePromise({ result: longResult(70) }));
      const code = verificationCode(doc.summary);
      const path = write(`long-${copy}.pdf`, await renderSummaryPdf(doc));
      const pages = pagesText(path);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      pages.forEach((page, i) => {
        expect(page.match(new RegExp(code, 'g'))?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
        expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      expect(pages.join('\n')).toContain('SKU-070');
      execFileSync('pdftoppm', ['-r', '40', '-png', path, join(dir, `page-${copy}`)]);
      expect(readdirSync(dir).filter((f) => f.startsWith(`page-${copy}`) && f.endsWith('.png'))).toHaveLength(pages.length);
      expect((await verifyFile(readFileSync(path), knowing(maria))).intact).toBe(true);
    }
  });

  it.skipIf(missing('poppler (pdftoppm, pdftotext)', poppler))('embeds the fonts and the summary as promise-summary.json (application/json)', async () => {
    const path = write('embed.pdf', await renderSummaryPdf(signedCopy(maria, 'customer')));
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/DejaVuSans.* yes +yes +yes/);
    expect(execFileSync('pdfdetach', ['-list', path], { encoding: 'utf8' })).toContain('1: promise-summary.json');
    expect(readFileSync(path).toString('latin1')).toContain('/Subtype /application#2Fjson');
  });
});
