/**
 * Reads what verify needs from a PDF: the embedded `promise-summary.json` files and what each page
 * shows. pdf.js (Mozilla) parses the file, so PDFs re-saved by other tools (object streams,
 * cross-reference streams, incremental updates) read the same as ours. Call `pdfStreamProblem`
 * first: pdf.js itself has no limits.
 */
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_PAGES } from './pdf-bounds';

export interface PageItem {
  str: string;
  /** Position of the text's origin in PDF units (y from the bottom). */
  x: number;
  y: number;
}

export interface PdfPage {
  items: PageItem[];
  /** Subtypes of the page's annotations (a FreeText or Stamp annotation shows text of its own). */
  annotations: string[];
  /** The page paints an image (a picture of other text would go unseen by text comparison). */
  hasImage: boolean;
}

export interface PdfContents {
  /** Every embedded file of that name (normally one), and how many embedded files there are. */
  attachments: { filename: string; content: Uint8Array }[];
  embeddedCount: number;
  pages: PdfPage[];
  /** More than `MAX_PAGES`: the pages were not read. */
  pageCount: number;
}

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask]);

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
    const pageCount = doc.numPages;
    const attachments: PdfContents['attachments'] = [];
    const all = [...((await doc.getAttachments()) ?? new Map())];
    if (pageCount > MAX_PAGES) return { attachments, embeddedCount: all.length, pages: [], pageCount };
    for (const [id, a] of all) {
      if (a.filename !== attachmentName) continue;
      const content = a.content ?? (await doc.getAttachmentContent(id));
      if (content) attachments.push({ filename: a.filename, content });
    }
    const pages: PdfPage[] = [];
    for (let i = 1; i <= pageCount; i++) {
      const page = await doc.getPage(i);
      const text = await page.getTextContent();
      const items = text.items.flatMap((it) => ('str' in it ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number }] : []));
      const annotations = ((await page.getAnnotations()) as { subtype: string }[]).map((a) => a.subtype);
      const ops = await page.getOperatorList();
      pages.push({ items, annotations, hasImage: ops.fnArray.some((f) => IMAGE_OPS.has(f)) });
      page.cleanup();
    }
    return { attachments, embeddedCount: all.length, pages, pageCount };
  } finally {
    await task.destroy();
  }
}
