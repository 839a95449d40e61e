/**
 * The page of a summary PDF: its size, margins and inks, page breaks, section headings, and a
 * table that repeats its header after a page break (pdf.ts draws the sections with these).
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 50 };
export const CONTENT_TOP = 72;
export const CONTENT_BOTTOM = PAGE.height - 64;
export const INK = '#1d1d1f';
export const MUTED = '#5f6368';
export const ACCENT = '#1f3a5f';
export const RULE = '#c9ced6';
export const SHADE = '#eef1f5';

export type Doc = PDFKit.PDFDocument;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= CONTENT_BOTTOM) return false;
  doc.addPage();
  doc.y = CONTENT_TOP;
  return true;
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).fillColor(ACCENT).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.3);
  doc.font('body').fillColor(INK);
}

/** A table that repeats its header after a page break. Cells are plain strings. */
export function drawTable(doc: Doc, columns: Column[], rows: string[][], fontSize: number): void {
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

export const sum = (cols: Column[]) => cols.reduce((a, c) => a + c.width, 0);
