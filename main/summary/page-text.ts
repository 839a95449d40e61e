/**
 * The pages of a summary PDF against its signed JSON (`promises.md`: the text on its pages says
 * what the signed summary says). The pages are not signed, so the signed summary is drawn again
 * exactly as export draws it, and both PDFs' text is read with pdf.js and compared word by word,
 * page by page: every figure, date, name and line a person reads. The first difference is named.
 * A re-save by another program keeps the text, so it still compares equal. The issuer printed at
 * the top left is not part of the summary (a setting of the exporting desk): it is left out of the
 * comparison, and may hold no digits, so that no figure can hide there.
 */
import { EMBEDDED_NAME, renderSummaryPdf } from './pdf';
import { PAGE } from './pdf-layout';
import { readPdf, type PdfContents, type PdfPage } from './pdf-read';
import type { SignedSummary } from './summary-types';

/** Header band (from the top edge to the rule under it), left half: the issuer. */
const isIssuer = (x: number, y: number) => y > PAGE.height - 46 && x < PAGE.width / 2;

export async function pageTextProblem(actual: PdfContents, signed: SignedSummary): Promise<string | null> {
  for (const [i, page] of actual.pages.entries()) {
    const odd = page.annotations.find((a) => a !== 'Link');
    if (odd) return `page ${i + 1} carries a ${odd} annotation, which a summary PDF does not have`;
    if (page.hasImage) return `page ${i + 1} shows an image, which a summary PDF does not have`;
    const issuer = page.items.filter((it) => isIssuer(it.x, it.y)).map((it) => it.str).join(' ').replace(/\s+/gu, ' ').trim();
    if (/\p{Nd}/u.test(issuer)) return `page ${i + 1} shows ${quote(issuer)} where the issuer's name stands`;
  }
  const expected = await readPdf(await renderSummaryPdf(signed), EMBEDDED_NAME);
  if (expected.pages.length !== actual.pages.length) {
    return `the PDF has ${actual.pages.length} page${actual.pages.length === 1 ? '' : 's'} where the signed summary makes ${expected.pages.length}`;
  }
  for (const [i, page] of actual.pages.entries()) {
    const shown = words(page);
    const signedWords = words(expected.pages[i]!);
    const n = Math.max(shown.length, signedWords.length);
    for (let k = 0; k < n; k++) {
      if (shown[k] === signedWords[k]) continue;
      if (shown[k] === undefined) return `page ${i + 1} lacks ${quote(signedWords[k]!)} that the signed summary says`;
      if (signedWords[k] === undefined) return `page ${i + 1} shows ${quote(shown[k]!)} that the signed summary does not say`;
      return `page ${i + 1} shows ${quote(shown[k]!)} where the signed summary says ${quote(signedWords[k]!)}`;
    }
  }
  return null;
}

function words(page: PdfPage): string[] {
  return page.items
    .filter((it) => !isIssuer(it.x, it.y))
    .map((it) => it.str)
    .join(' ')
    .split(/\s+/u)
    .filter((w) => w !== '');
}

/** Words as they read, shortened; JSON quoting only when a word has characters that need it. */
function quote(w: string): string {
  const cut = w.length > 60 ? `${w.slice(0, 60)}…` : w;
  return /^[\p{L}\p{N}\p{P}\p{S}]+( [\p{L}\p{N}\p{P}\p{S}]+)*$/u.test(cut) ? cut : JSON.stringify(cut);
}
