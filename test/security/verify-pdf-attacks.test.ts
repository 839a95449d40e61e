/**
 * Issue #13 rows 4, 5, 8 and 14: PDFs built to lie. The pages must say what the signed summary
 * says, exactly one embedded summary, size caps before anything is inflated, and the PDF marker
 * only at the start of a file. Controls: a genuine PDF, and one re-saved by qpdf, verify.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSummaryPdf } from '../../main/summary/pdf';
import { summaryJson } from '../../main/summary/sign-summary';
import { verifyFile } from '../../main/summary/verify';
import { knowing, makeSigner, samplePromise, signedCopy } from '../unit/summary/signing-fixture';
import { attach, hasQpdf, inflateBomb, manyPages, qpdfResave, replaceShownText } from './forge-pdf';

const dir = mkdtempSync(join(tmpdir(), 'pdf-attacks-'));
const maria = makeSigner('Maria Keller', 'manager');
const genuine = signedCopy(maria, 'customer');
const ctx = knowing(maria);

describe('controls', () => {
  it('a genuine PDF verifies, both copies', async () => {
    expect((await verifyFile(await renderSummaryPdf(genuine), ctx)).message).toBe('intact: signed by Maria Keller (manager) on 2026-11-22');
    const internal = signedCopy(maria, 'internal');
    expect((await verifyFile(await renderSummaryPdf(internal), ctx)).intact).toBe(true);
  });

  it.runIf(hasQpdf)('a PDF re-saved by another program (qpdf, object streams) still verifies', async () => {
    const resaved = qpdfResave(await renderSummaryPdf(genuine), dir);
    expect(resaved.includes(Buffer.from('/ObjStm'))).toBe(true);
    expect((await verifyFile(resaved, ctx)).intact).toBe(true);
  });
});

describe('row 4: the pages must say what the signed summary says', () => {
  it('the printed delivery date alone changed (the embedded JSON and the code untouched): altered, the difference named', async () => {
    const pdf = await renderSummaryPdf(genuine, { compress: false });
    expect(genuine.summary.lines[0]!.deliveries[0]!.date).toBe('2026-12-14');
    const forged = replaceShownText(pdf, '2026-12-14', '2026-12-17');
    expect(forged.equals(pdf)).toBe(false);
    const v = await verifyFile(forged, ctx);
    expect(v).toMatchObject({ intact: false, problem: 'altered', message: 'altered: page 1 shows 2026-12-17 where the signed summary says 2026-12-14' });
  });

  it('invented prices over the genuine JSON: altered', async () => {
    const pdf = await renderSummaryPdf(genuine, { compress: false });
    const forged = replaceShownText(pdf, '12.4000', '19.4000');
    expect((await verifyFile(forged, ctx)).message).toBe('altered: page 1 shows 19.4000 where the signed summary says 12.4000');
  });

  it('an issuer line carrying figures is refused', async () => {
    const v = await verifyFile(await renderSummaryPdf(genuine, { issuer: 'Total due 99,999.00' }), ctx);
    expect(v.message).toBe("altered: page 1 shows Total due 99,999.00 where the issuer's name stands");
    expect((await verifyFile(await renderSummaryPdf(genuine, { issuer: 'Nordpumpen AG' }), ctx)).intact).toBe(true);
  });
});

describe.runIf(hasQpdf)('row 5: exactly one embedded promise-summary.json', () => {
  it('a second one, altered, placed first: refused', async () => {
    const altered = JSON.parse(JSON.stringify(genuine));
    altered.summary.lines[0].qty = 900;
    const pdf = attach(await renderSummaryPdf(genuine), dir, summaryJson(altered), 'promise-summary.json', '0-first');
    expect((await verifyFile(pdf, ctx)).message).toBe('altered: the PDF carries 2 embedded files; a summary carries exactly one, promise-summary.json');
  });

  it('a second, identical one, or another file beside it: refused', async () => {
    const same = attach(await renderSummaryPdf(genuine), dir, summaryJson(genuine), 'promise-summary.json', '1-same');
    expect((await verifyFile(same, ctx)).intact).toBe(false);
    const other = attach(await renderSummaryPdf(genuine), dir, 'hello', 'readme.txt', '2-other');
    expect((await verifyFile(other, ctx)).intact).toBe(false);
  });
});

describe('row 8: caps refuse at once, before pdf.js inflates or reads pages', () => {
  it('an attachment that inflates beyond 5 MB (a bomb) is refused as not a summary', async () => {
    const bomb = inflateBomb(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await verifyFile(bomb, ctx)).toMatchObject({ intact: false, problem: 'unreadable', message: 'not a summary: a stream of the PDF inflates to more than 5 MB' });
  });

  it('20,000 pages: refused without reading them; 51 pages too', async () => {
    expect((await verifyFile(manyPages(20_000), ctx)).message).toBe('not a summary: the PDF has 20000 pages, more than 50');
    expect((await verifyFile(manyPages(51), ctx)).message).toBe('not a summary: the PDF has 51 pages, more than 50');
  });

  it('a file over 10 MB is refused before it is parsed', async () => {
    const big = Buffer.from(summaryJson(genuine).replace('{', `{${' '.repeat(10 * 1024 * 1024)}`));
    expect((await verifyFile(big, ctx)).message).toBe('not a summary: the file has 10.0 MB, more than 10 MB');
  });

  it('a stream filter no summary uses is refused before decoding', async () => {
    const pdf = inflateBomb(1000);
    const lzw = Buffer.from(pdf.toString('latin1').replace('/Filter /FlateDecode', '/Filter /LZWDecode  '), 'latin1');
    expect((await verifyFile(lzw, ctx)).message).toBe('not a summary: a stream uses /LZWDecode, which a summary PDF does not use');
  });
});

describe('row 14: the PDF marker counts only at the start of the file', () => {
  it('a JSON summary whose customer starts with %PDF- is read as JSON and verifies', async () => {
    const doc = signedCopy(maria, 'customer', samplePromise({ id: 'P-000077', result: { ...samplePromise().result, customer: '%PDF-1.7 Industries' } }));
    const v = await verifyFile(Buffer.from(JSON.stringify(doc)), ctx);
    expect(v.message).toBe('intact: signed by Maria Keller (manager) on 2026-11-22');
  });
});
