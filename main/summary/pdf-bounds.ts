/**
 * Size limits of a summary file (`promises.md`: a file over 10 MB, an embedded file over 5 MB or a
 * PDF of more than 50 pages is refused at once as not a summary), checked before pdf.js decodes
 * anything. pdf.js inflates a stream whole, with no limit, so a 1 MB file can ask for gigabytes:
 * every stream is first inflated here with zlib's `maxOutputLength`, which stops at the limit.
 * Only what our PDFs (and re-saves by other programs, e.g. qpdf) use is accepted: unfiltered and
 * FlateDecode streams. The page count is checked through pdf.js before any page is read.
 */
import { constants, inflateSync } from 'node:zlib';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_EMBEDDED_BYTES = 5 * 1024 * 1024;
export const MAX_PAGES = 50;
/** All streams of a file together, inflated: fonts, pages and the embedded summary. */
const MAX_TOTAL_INFLATED = 4 * MAX_FILE_BYTES;

const MB = (n: number) => `${n / 1024 / 1024} MB`;

export function fileTooLarge(size: number): string | null {
  return size > MAX_FILE_BYTES ? `not a summary: the file has ${(size / 1024 / 1024).toFixed(1)} MB, more than ${MB(MAX_FILE_BYTES)}` : null;
}

/** Null when every stream is within the limits, else why the PDF is refused. */
export function pdfStreamProblem(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let total = 0;
  const keyword = /stream(\r\n|\n|\r)/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
    const dict = dictionaryBefore(text, m.index);
    if (dict === null) continue;
    const start = m.index + m[0].length;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+|\d+\s+\d+\s+R)/.exec(dict)?.[1]?.replace(/[[\]\s]/g, '');
    const length = streamLength(text, dict);
    const end = length !== null && start + length <= buf.length ? start + length : nextEndstream(text, start);
    const raw = buf.subarray(start, end);
    let size = raw.length;
    if (filter !== undefined && filter !== '') {
      if (filter !== '/FlateDecode') return `not a summary: a stream uses ${filter}, which a summary PDF does not use`;
      try {
        size = inflateSync(raw, { maxOutputLength: MAX_EMBEDDED_BYTES + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return `not a summary: a stream of the PDF inflates to more than ${MB(MAX_EMBEDDED_BYTES)}`;
        }
        return 'not a summary: a stream of the PDF cannot be inflated';
      }
    }
    if (size > MAX_EMBEDDED_BYTES) return `not a summary: a stream of the PDF has more than ${MB(MAX_EMBEDDED_BYTES)}`;
    total += size;
    if (total > MAX_TOTAL_INFLATED) return `not a summary: the PDF's streams hold more than ${MB(MAX_TOTAL_INFLATED)}`;
    keyword.lastIndex = Math.max(keyword.lastIndex, end);
  }
  return null;
}

/** The `<< … >>` dictionary that ends right before `at` (whitespace between), or null. */
function dictionaryBefore(text: string, at: number): string | null {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (text[i] !== '>' || text[i - 1] !== '>') return null;
  let depth = 0;
  for (let j = i; j > 0 && i - j < 64 * 1024; j--) {
    if (text[j] === '>' && text[j - 1] === '>') {
      depth++;
      j--;
    } else if (text[j] === '<' && text[j - 1] === '<') {
      depth--;
      j--;
      if (depth === 0) return text.slice(j, i + 1);
    }
  }
  return null;
}

/** `/Length n`, direct or as a reference to `N G obj n endobj`; null when it cannot be read. */
function streamLength(text: string, dict: string): number | null {
  const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (direct) return Number(direct[1]);
  const ref = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(dict);
  if (!ref) return null;
  const obj = new RegExp(`(?:^|[^0-9])${ref[1]}\\s+${ref[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(text);
  return obj ? Number(obj[1]) : null;
}

function nextEndstream(text: string, from: number): number {
  const i = text.indexOf('endstream', from);
  return i < 0 ? text.length : i;
}
