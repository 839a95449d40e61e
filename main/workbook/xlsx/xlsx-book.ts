/**
 * What every sheet of an .xlsx needs from the rest of the package: the sheets in their order with
 * their names and parts, the shared strings, which cell styles show a date, and the date system.
 */
import { parseXml, type XlsxPackage, XlsxPackageError } from './xlsx-package';

export interface XlsxSheetRef {
  name: string;
  part: string;
}

export interface XlsxBook {
  /** Worksheets in the workbook's order (chart and dialog sheets hold no cells and are left out). */
  sheets: XlsxSheetRef[];
  sharedStrings: string[];
  /** Cell style indices (`s` of a cell) whose number format is a date or time. */
  dateStyles: ReadonlySet<number>;
  /** Serial day 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

/** A relationship's kind, its type's last segment (`…/relationships/worksheet`: transitional and strict files alike). */
const relType = (type: string) => type.slice(type.lastIndexOf('/') + 1);

export function readBook(pkg: XlsxPackage): XlsxBook {
  const root = [...pkg.relationships('').values()].find((r) => relType(r.type) === 'officeDocument');
  const bookPart = root?.target ?? 'xl/workbook.xml';
  const bookXml = pkg.text(bookPart);
  if (bookXml === null) throw new XlsxPackageError(`it has no workbook part (${bookPart})`);
  const rels = pkg.relationships(bookPart);

  const sheets: XlsxSheetRef[] = [];
  let date1904 = false;
  parseXml(bookPart, bookXml, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet' || a.name === undefined) return;
      // `r:id`, in the relationships namespace under whatever prefix the file chose.
      const id = Object.keys(a).find((k) => k.endsWith(':id'));
      const rel = id === undefined ? undefined : rels.get(a[id]!);
      if (rel && relType(rel.type) === 'worksheet') sheets.push({ name: a.name, part: rel.target });
    },
  });
  const partOf = (type: string) => [...rels.values()].find((r) => relType(r.type) === type)?.target ?? null;
  const stringsPart = partOf('sharedStrings');
  const stylesPart = partOf('styles');
  return {
    sheets,
    sharedStrings: stringsPart === null ? [] : readSharedStrings(stringsPart, pkg.text(stringsPart)),
    dateStyles: stylesPart === null ? new Set() : readDateStyles(stylesPart, pkg.text(stylesPart)),
    date1904,
  };
}

/** Each `<si>` as its text: plain, or the runs of rich text joined; phonetic guides left out. */
function readSharedStrings(part: string, xml: string | null): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  let text: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  parseXml(part, xml, {
    open(name) {
      if (name === 'si') text = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 'si') {
        out.push(text?.join('') ?? '');
        text = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inT = false;
    },
    text(t) {
      if (inT && text) text.push(t);
    },
  });
  return out;
}

/**
 * Number formats that show dates or times: the built-in ones (ECMA-376 part 1, 18.8.30, with the
 * East Asian dates 27-36 and 50-58) and any custom format with a date or time code outside quotes,
 * brackets and escapes.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
export const isDateFormat = (code: string) => /[ymdhsb]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, ''));

function readDateStyles(part: string, xml: string | null): Set<number> {
  const dates = new Set<number>();
  if (xml === null) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  parseXml(part, xml, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) dates.add(xf);
        xf++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}
