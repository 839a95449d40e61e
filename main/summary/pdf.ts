/**
 * The PDF form of a signed summary (`promises.md`): a business document for people, with the
 * verification code on every page and the signed JSON embedded as `promise-summary.json`, which is
 * what `verify` checks. The printed page is not what is signed; the code on it lets a reader match
 * the paper to the signed data.
 *
 * pdfkit: maintained, embeds TTF subsets and attached files (`doc.file`). pdf-lib, the other
 * common choice, has had no release since 2021.
 */
import PDFDocument from 'pdfkit';
import { summaryFontPaths } from './fonts';
import { fingerprint } from '../people/keys';
import { addAmounts, groupDecimal, lineAmount, readableTime } from './pdf-format';
import { verificationCode } from './sign-summary';
import type { InternalSummary, SignedSummary, Summary, SummaryLine } from './summary-types';

export const EMBEDDED_NAME = 'promise-summary.json';

export interface PdfOptions {
  /** The company the promise is made by, printed at the top; the workbook has no such field yet. */
  issuer?: string;
  /** Compress streams (default). Tests turn it off to edit the embedded JSON in place. */
  compress?: boolean;
}

export const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const CONTENT_TOP = 72;
const CONTENT_BOTTOM = PAGE.height - 64;
const INK = '#1d1d1f';
const MUTED = '#5f6368';
const ACCENT = '#1f3a5f';
const RULE = '#c9ced6';
const SHADE = '#eef1f5';

type Doc = PDFKit.PDFDocument;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export function renderSummaryPdf(signed: SignedSummary, options: PdfOptions = {}): Promise<Buffer> {
  const s = signed.summary;
  const code = verificationCode(s);
  const fonts = summaryFontPaths();
  const first = signed.signatures[0]!;
  const issuer = options.issuer?.trim() || 'Promise Desk';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: CONTENT_TOP, bottom: PAGE.height - CONTENT_BOTTOM, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    // The embedded TTF is the default font, so no unembedded standard font is ever referenced.
    font: fonts.regular,
    info: {
      Title: `Promise ${s.promise_id} (${s.copy} copy)`,
      Author: issuer,
      Subject: `Signed promise summary, verification code ${code}`,
      Creator: 'Promise Desk',
      // Signing time, not "now": the same signed summary always gives the same document.
      CreationDate: new Date(first.signed_at),
    },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('body').fillColor(INK);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawTitle(doc, s);
  drawParties(doc, s);
  drawLines(doc, s);
  if (s.copy === 'internal') drawInternal(doc, s);
  drawTerms(doc, s);
  drawSignatures(doc, signed, code);
  drawFurniture(doc, s, code, issuer);

  doc.file(Buffer.from(`${JSON.stringify(signed, null, 2)}\n`, 'utf8'), {
    name: EMBEDDED_NAME,
    type: 'application/json',
    description: `Signed promise summary ${s.promise_id} (${s.copy} copy), verification code ${code}`,
    creationDate: new Date(first.signed_at),
    modifiedDate: new Date(first.signed_at),
    relationship: 'Data',
  } as PDFKit.Mixins.PDFAttachmentOptions);
  doc.end();
  return done;
}

function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= CONTENT_BOTTOM) return false;
  doc.addPage();
  doc.y = CONTENT_TOP;
  return true;
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).fillColor(ACCENT).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.3);
  doc.font('body').fillColor(INK);
}

function drawTitle(doc: Doc, s: Summary): void {
  doc.font('bold').fontSize(20).fillColor(ACCENT).text('Promise summary', PAGE.margin, CONTENT_TOP);
  const sub = s.copy === 'customer' ? 'Customer copy' : 'Internal copy – not for the customer';
  doc.font('body').fontSize(10).fillColor(MUTED).text(`${sub} · Promise ${s.promise_id}`);
  doc.fillColor(INK).moveDown(1);
}

function drawParties(doc: Doc, s: Summary): void {
  const left: [string, string][] = [
    ['Customer', s.customer],
    ['Ship-to region', s.region],
    ['Transport', s.mode === 'express' ? 'Express' : 'Standard'],
  ];
  const right: [string, string][] = [
    ['Promise no.', s.promise_id],
    ['Confirmed', readableTime(s.confirmed_at)],
    ['Checked as of', s.as_of],
    ['Currency', s.currency],
  ];
  if (s.copy === 'internal') right.push(['Data version', s.data_version]);
  const top = doc.y;
  const colW = (PAGE.width - 2 * PAGE.margin) / 2;
  const block = (pairs: [string, string][], x: number) => {
    let y = top;
    for (const [k, v] of pairs) {
      doc.font('body').fontSize(8).fillColor(MUTED).text(k.toUpperCase(), x, y, { width: 90 });
      doc.font('bold').fontSize(10).fillColor(INK);
      const h = doc.heightOfString(v, { width: colW - 100 });
      doc.text(v, x + 90, y - 1, { width: colW - 100 });
      y += Math.max(h, 12) + 5;
    }
    return y;
  };
  const bottom = Math.max(block(left, PAGE.margin), block(right, PAGE.margin + colW));
  doc.moveTo(PAGE.margin, bottom + 4).lineTo(PAGE.width - PAGE.margin, bottom + 4).strokeColor(RULE).lineWidth(0.5).stroke();
  doc.font('body').fillColor(INK);
  doc.y = bottom + 8;
}

/** A table that repeats its header after a page break. Cells are plain strings. */
function drawTable(doc: Doc, columns: Column[], rows: string[][], fontSize: number): void {
  const pad = 4;
  const header = () => {
    const y = doc.y;
    doc.font('bold').fontSize(fontSize);
    const h = Math.max(...columns.map((c) => doc.heightOfString(c.title, { width: c.width - 2 * pad }))) + 2 * pad;
    doc.rect(PAGE.margin, y, sum(columns), h).fill(SHADE);
    let x = PAGE.margin;
    for (const c of columns) {
      doc.fillColor(INK).text(c.title, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      x += c.width;
    }
    doc.y = y + h;
  };
  ensureSpace(doc, 40);
  header();
  for (const row of rows) {
    doc.font('body').fontSize(fontSize);
    const h = Math.max(...columns.map((c, i) => doc.heightOfString(row[i] ?? '', { width: c.width - 2 * pad }))) + 2 * pad;
    if (ensureSpace(doc, h)) header();
    const y = doc.y;
    let x = PAGE.margin;
    doc.font('body').fontSize(fontSize).fillColor(INK);
    columns.forEach((c, i) => {
      doc.text(row[i] ?? '', x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.moveTo(PAGE.margin, y + h).lineTo(PAGE.margin + sum(columns), y + h).strokeColor(RULE).lineWidth(0.5).stroke();
    doc.y = y + h;
  }
}

const sum = (cols: Column[]) => cols.reduce((a, c) => a + c.width, 0);

function deliveriesText(line: SummaryLine): string {
  if (line.deliveries.length === 1 && line.deliveries[0]!.qty === line.qty) return line.deliveries[0]!.date;
  return line.deliveries.map((d) => `${d.qty} on ${d.date}`).join('\n');
}

function drawLines(doc: Doc, s: Summary): void {
  heading(doc, 'Items and deliveries');
  const amounts = s.lines.map((l) => lineAmount(l.qty, l.unit_price));
  const columns: Column[] = [
    { title: '#', width: 22 },
    { title: 'Item', width: 163 },
    { title: 'Qty', width: 48, align: 'right' },
    { title: 'Unit', width: 38 },
    { title: `Unit price (${s.currency})`, width: 74, align: 'right' },
    { title: `Amount (${s.currency})`, width: 78, align: 'right' },
    { title: 'Delivery', width: 72 },
  ];
  const rows = s.lines.map((l, i) => [
    String(i + 1),
    l.name && l.name !== l.sku ? `${l.sku}\n${l.name}` : l.sku,
    groupDecimal(String(l.qty), 0),
    l.unit,
    groupDecimal(l.unit_price, 4),
    groupDecimal(amounts[i]!),
    deliveriesText(l),
  ]);
  drawTable(doc, columns, rows, 9);
  ensureSpace(doc, 24);
  const y = doc.y + 6;
  const amountX = PAGE.margin + 22 + 163 + 48 + 38 + 74;
  doc.font('bold').fontSize(10).fillColor(INK);
  doc.text('Total', PAGE.margin + 22 + 4, y, { width: 300 });
  doc.text(`${s.currency} ${groupDecimal(addAmounts(amounts))}`, amountX - 60, y, { width: 78 + 60 - 4, align: 'right' });
  doc.font('body');
  doc.y = y + 18;
}

function drawInternal(doc: Doc, s: InternalSummary): void {
  heading(doc, 'Costs and margins (internal)');
  const columns: Column[] = [
    { title: '#', width: 20 },
    { title: 'SKU', width: 70 },
    { title: 'Plan', width: 58 },
    { title: 'Goods', width: 54, align: 'right' },
    { title: 'Overtime', width: 50, align: 'right' },
    { title: 'Shipping', width: 50, align: 'right' },
    { title: 'Total cost', width: 56, align: 'right' },
    { title: 'Revenue', width: 56, align: 'right' },
    { title: 'Margin %', width: 42, align: 'right' },
    { title: 'Disc. %', width: 39, align: 'right' },
  ];
  const rows = s.lines.map((l, i) => [
    String(i + 1),
    l.sku,
    l.plan.replace('_', ' + '),
    groupDecimal(l.cost.goods),
    groupDecimal(l.cost.overtime),
    groupDecimal(l.cost.shipping),
    groupDecimal(l.cost.total),
    groupDecimal(l.revenue),
    l.margin_pct,
    l.discount_pct,
  ]);
  drawTable(doc, columns, rows, 8);

  heading(doc, 'Reasons');
  doc.fontSize(9);
  if (s.reasons.length === 0) doc.fillColor(MUTED).text('None: the check was within policy.', PAGE.margin, doc.y).fillColor(INK);
  for (const r of s.reasons) {
    ensureSpace(doc, 14);
    doc.font('bold').text(`${r.code}: `, PAGE.margin, doc.y, { continued: true }).font('body').text(r.message);
  }

  heading(doc, 'Approvals');
  doc.fontSize(9);
  if (s.approvals.length === 0) doc.fillColor(MUTED).text('None needed.', PAGE.margin, doc.y).fillColor(INK);
  for (const a of s.approvals) {
    ensureSpace(doc, 14);
    doc.font('bold').text(`${a.user} (${a.role}), ${readableTime(a.at)}`, PAGE.margin, doc.y, { continued: Boolean(a.comment) });
    if (a.comment) doc.font('body').text(`: ${a.comment}`);
    doc.font('body');
  }
}

function drawTerms(doc: Doc, s: Summary): void {
  heading(doc, 'Terms');
  const transport = s.mode === 'express' ? 'express' : 'standard';
  const terms = [
    `Prices are per unit in ${s.currency}. Delivery dates are the days the goods are due to arrive in region ${s.region} by ${transport} transport; each date is a dispatch day plus the lane's transit time.`,
    `Quantities and dates were confirmed on ${readableTime(s.confirmed_at)} against the plant's capacity and stock as of ${s.as_of}.`,
    'This summary is signed electronically. The signed data is attached to this PDF as promise-summary.json; the verification code printed on every page identifies it.',
  ];
  doc.fontSize(9).fillColor(INK);
  const width = PAGE.width - 2 * PAGE.margin - 12;
  for (const t of terms) {
    ensureSpace(doc, doc.heightOfString(t, { width }) + 4);
    const y = doc.y;
    doc.text('•', PAGE.margin, y, { lineBreak: false });
    doc.text(t, PAGE.margin + 12, y, { width, paragraphGap: 3 });
  }
}

function drawSignatures(doc: Doc, signed: SignedSummary, code: string): void {
  heading(doc, 'Signature');
  doc.fontSize(9);
  for (const sig of signed.signatures) {
    ensureSpace(doc, 30);
    doc.font('bold').text(`Signed by ${sig.signer} (${sig.role}) on ${readableTime(sig.signed_at)}`, PAGE.margin, doc.y);
    doc.font('body').fillColor(MUTED).text(`Ed25519 key fingerprint ${fingerprint(sig.public_key)}`).fillColor(INK);
    doc.moveDown(0.3);
  }
  ensureSpace(doc, 20);
  doc.font('body').text('Verification code ', PAGE.margin, doc.y, { continued: true }).font('bold').text(code);
  doc.font('body');
}

/** Header and footer on every page, drawn last so the page count is known. */
function drawFurniture(doc: Doc, s: Summary, code: string, issuer: string): void {
  const range = doc.bufferedPageRange();
  const copy = s.copy === 'customer' ? 'Customer copy' : 'Internal copy';
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the margins must not start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const w = PAGE.width - 2 * PAGE.margin;
    doc.font('bold').fontSize(9).fillColor(ACCENT).text(issuer, PAGE.margin, 30, { width: w / 2, lineBreak: false });
    doc.font('bold').fontSize(9).fillColor(INK).text(`Verification code ${code}`, PAGE.margin + w / 2, 30, { width: w / 2, align: 'right', lineBreak: false });
    doc.moveTo(PAGE.margin, 46).lineTo(PAGE.width - PAGE.margin, 46).strokeColor(ACCENT).lineWidth(0.8).stroke();
    const fy = PAGE.height - 44;
    doc.moveTo(PAGE.margin, fy - 6).lineTo(PAGE.width - PAGE.margin, fy - 6).strokeColor(RULE).lineWidth(0.5).stroke();
    doc.font('body').fontSize(8).fillColor(MUTED);
    doc.text(`Promise ${s.promise_id} · ${copy} · Verification code ${code}`, PAGE.margin, fy, { width: w * 0.75, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, PAGE.margin + w * 0.75, fy, { width: w * 0.25, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor(INK);
}
