/**
 * The rows of one worksheet part as a CSV would hold them, as exactly as the file allows: numbers
 * at the 15 significant digits a spreadsheet shows (0.1 + 0.2 reads as 0.3), dates as
 * `YYYY-MM-DD`, rich text as its text, formulas as their cached result, booleans as TRUE/FALSE.
 * A cell that cannot be read that way is an error of that cell; rows without any value are left out.
 */
import { numberToDecimalString } from '../../../shared/schemas/fields';
import type { XlsxBook } from './xlsx-book';
import { parseXml, XlsxPackageError } from './xlsx-package';

export interface SheetRow {
  /** The row's number in the sheet (the header is 1). */
  line: number;
  /** By column from 0: the text of the cell, or null when it is empty or has an error. */
  cells: (string | null)[];
  /** Cells that cannot be read: [column from 0, what the cell holds]. */
  errors: [number, string][] | null;
}

/** The largest sheet a spreadsheet makes: XFD1048576. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
const DAY_MS = 86_400_000;
/** Serial day of 1970-01-01 (day 0 is 1899-12-30; 1462 days later in the 1904 system). */
const UNIX_EPOCH_SERIAL = 25_569;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Numbers a spreadsheet writes as they are shown: up to 15 digits, no exponent, no leading or
 * trailing zeros. Their text is already what the slow way below gives (a property test holds
 * this); most cells of a workbook are such numbers.
 */
export const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})$|^-?(?:0|[1-9]\d{0,8})\.\d{0,5}[1-9]$/;
const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

type Cell = { value: string | null } | { error: string };

export function readSheetRows(part: string, xml: string, book: XlsxBook): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let any = false;
  let column = -1;
  // The cell being read: type, style, the text of <v> and of inline <is>, and whether it has <f>.
  let type = 'n';
  let style = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let formula = false;
  let into: 'v' | 'is' | null = null;
  let phonetic = 0;

  parseXml(part, xml, {
    open(name, a) {
      switch (name) {
        case 'row': {
          const line = a.r === undefined ? (rows.at(-1)?.line ?? 0) + 1 : Number(a.r);
          if (!Number.isInteger(line) || line < 1 || line > MAX_ROW) throw new XlsxPackageError(`${part}: row ${shown(a.r ?? '')} is no row of a sheet`);
          row = { line, cells: [], errors: null };
          any = false;
          column = -1;
          break;
        }
        case 'c':
          column = a.r === undefined ? column + 1 : columnOf(part, a.r);
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          v = null;
          inline = null;
          formula = false;
          break;
        case 'v':
          into = 'v';
          v = '';
          break;
        case 'f':
          formula = true;
          break;
        case 'is':
          into = 'is';
          inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    close(name) {
      if (name === 'v' || name === 'is') into = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && row) {
        const cell = cellOf(type, style, v, inline, formula, book);
        if ('error' in cell) (row.errors ??= []).push([column, cell.error]);
        else if (cell.value !== null) {
          row.cells[column] = cell.value;
          any = true;
        }
      } else if (name === 'row' && row) {
        if (any || row.errors) {
          // Columns left out before the last cell are empty, not holes.
          for (let c = 0; c < row.cells.length; c++) row.cells[c] ??= null;
          rows.push(row);
        }
        row = null;
      }
    },
    text(t) {
      if (into === 'v') v += t;
      else if (into === 'is' && phonetic === 0) inline += t;
    },
  });
  return rows;
}

/** `B7` → 1 (columns from 0). */
function columnOf(part: string, ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    n = n * 26 + (code - 0x60);
    if (n > MAX_COLUMN) break;
  }
  if (i === 0 || n > MAX_COLUMN) throw new XlsxPackageError(`${part}: the cell reference ${shown(ref)} is no cell of a sheet`);
  return n - 1;
}

function cellOf(type: string, style: number, v: string | null, inline: string | null, formula: boolean, book: XlsxBook): Cell {
  if (type === 'inlineStr') return { value: inline ?? v };
  if (v === null) return formula ? { error: 'holds a formula without a computed value (save the file in a spreadsheet first)' } : { value: null };
  switch (type) {
    case 's': {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 && i < book.sharedStrings.length ? { value: book.sharedStrings[i]! } : { error: `refers to text ${shown(v)} that the file does not have` };
    }
    case 'str':
      return { value: v };
    case 'b':
      return v === '1' || v === 'true' ? { value: 'TRUE' } : v === '0' || v === 'false' ? { value: 'FALSE' } : { error: `holds ${shown(v)}, which is no TRUE or FALSE` };
    case 'e':
      return { error: `holds the error ${v.length > 40 ? `${v.slice(0, 40)}…` : v}` }; // #N/A, #REF!, …
    case 'd':
      return isoDate(v) ?? { error: 'holds a date that is not valid' };
    case 'n':
      if (book.dateStyles.has(style)) return serialDate(v, book.date1904);
      return PLAIN_NUMBER.test(v) && v !== '-0' ? { value: v } : numberCell(v);
    default:
      return { error: 'holds a value that cannot be read' };
  }
}

/** A number as a spreadsheet shows it: rounded to 15 significant digits (0.1 + 0.2 is 0.3). */
export function numberCell(v: string): Cell {
  const n = NUMBER.test(v) ? Number(v) : Number.NaN;
  const s = Number.isFinite(n) ? numberToDecimalString(Number(n.toPrecision(15))) : null;
  return s === null ? { error: `holds ${Number.isNaN(n) ? shown(v) : v}, which is no plain number` } : { value: s };
}

/** A serial day number in a date style: the day it shows (a time of day is left out). */
function serialDate(v: string, date1904: boolean): Cell {
  const n = NUMBER.test(v) ? Number(v) : Number.NaN;
  const date = new Date(Math.round((n - UNIX_EPOCH_SERIAL + (date1904 ? 1462 : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? { error: 'holds a date that is not valid' } : { value: date.toISOString().slice(0, 10) };
}

/** A cell of type `d` holds an ISO 8601 date (and maybe a time); the date is what the sheet shows. */
function isoDate(v: string): Cell | null {
  const day = /^\d{4}-\d{2}-\d{2}(?=T|$)/.exec(v)?.[0];
  return day !== undefined && !Number.isNaN(Date.parse(day)) ? { value: day } : null;
}
