/**
 * Reads what verify needs from a PDF: the embedded `promise-summary.json` and each page's text.
 * pdf.js (Mozilla) parses the file, so PDFs re-saved by other tools (object streams, cross-reference
 * streams, incremental updates) read the same as ours.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContents {
  /** Every embedded file of that name (normally one). */
  attachments: { filename: string; content: Uint8Array }[];
  /** The text of each page, items joined without separators. */
  pageTexts: string[];
}

export async function readPdf(bytes: Uint8Array, attachmentName: string): Promise<PdfContents> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc: PDFDocumentProxy = await task.promise;
    const attachments: PdfContents['attachments'] = [];
    const all = await doc.getAttachments();
    for (const [id, a] of all ?? []) {
      if (a.filename !== attachmentName) continue;
      const content = a.content ?? (await doc.getAttachmentContent(id));
      if (content) attachments.push({ filename: a.filename, content });
    }
    const pageTexts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const text = await page.getTextContent();
      pageTexts.push(text.items.map((it) => ('str' in it ? it.str : '')).join(''));
      page.cleanup();
    }
    return { attachments, pageTexts };
  } finally {
    await task.destroy();
  }
}
