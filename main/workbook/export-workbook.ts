/**
 * Writes operations tables in the workbook format (`workbook.md`): a folder of CSVs (made if
 * missing; files of the same name replaced) or one .xlsx. Every table is written, optional ones
 * too, with its header. A cell left empty stays empty: a default is never written out, so it keeps
 * following the policy. Importing the export gives the same tables.
 */
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { numberToDecimalString } from '../../shared/schemas/fields';
import { TABLES, TABLE_NAMES, emptyWorkbook, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { columnKinds } from '../../shared/schemas/column-kinds';
import { protectFormulaText } from './formula-text';

export type WorkbookFormat = 'csv' | 'xlsx';

export const formatOf = (target: string): WorkbookFormat => (target.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

/** Each table as the text of its CSV file (UTF-8 with a byte order mark, so spreadsheets read accents). */
export function workbookToCsv(wb: Workbook): Map<string, string> {
  const files = new Map<string, string>();
  for (const t of TABLE_NAMES) {
    const cols = TABLES[t].columns;
    const kinds = columnKinds(t);
    const rows = (wb[t] as Record<string, unknown>[]).map((r) => cols.map((c) => (kinds[c] === 'text' ? protectFormulaText(cellText(r[c])) : cellText(r[c]))));
    files.set(`${t}.csv`, '\uFEFF' + stringify([[...cols], ...rows], { record_delimiter: '\r\n' }));
  }
  return files;
}

/** Writes to a temporary name first, so a reader never sees half a file. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export async function exportWorkbook(wb: Workbook, target: string): Promise<{ format: WorkbookFormat; files: string[] }> {
  if (formatOf(target) === 'xlsx') {
    mkdirSync(dirname(target), { recursive: true });
    writeAtomically(target, await workbookToXlsx(wb));
    return { format: 'xlsx', files: [target] };
  }
  mkdirSync(target, { recursive: true });
  const files: string[] = [];
  for (const [name, text] of workbookToCsv(wb)) {
    const file = join(target, name);
    writeAtomically(file, text);
    files.push(file);
  }
  return { format: 'csv', files };
}

/** An .xlsx value for a stored cell: numbers and dates as such when that is exact, text otherwise. */
function xlsxValue(v: unknown, kind: 'date' | 'number' | 'text'): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (kind === 'number') {
    const n = Number(v);
    const back = numberToDecimalString(Number(n.toPrecision(15)));
    return back === String(v) ? n : String(v);
  }
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00.000Z`);
  return cellText(v);
}

export async function workbookToXlsx(wb: Workbook): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Promise Desk';
  addTableSheets(book, wb);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** One sheet per table, header frozen, numbers and dates as such (template-xlsx.ts adds to them). */
export function addTableSheets(book: ExcelJS.Workbook, wb: Workbook): void {
  for (const t of TABLE_NAMES) {
    const cols = TABLES[t].columns;
    const kinds = columnKinds(t);
    const ws = book.addWorksheet(t, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = cols.map((c) => ({
      key: c,
      width: Math.max(12, c.length + 2),
      ...(kinds[c] === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    }));
    const header = ws.getRow(1);
    header.values = [...cols];
    header.font = { bold: true };
    for (const r of wb[t] as Record<string, unknown>[]) ws.addRow(cols.map((c) => xlsxValue(r[c], kinds[c]!)));
  }
}

/**
 * A blank workbook to fill in: every table's header and its example row, plus the purchased
 * component the examples of bom and receipts name, so that the template imports as it is.
 */
export function templateWorkbook(): Workbook {
  const wb = emptyWorkbook();
  for (const t of TABLE_NAMES) (wb as Record<TableName, unknown[]>)[t] = [TABLES[t].schema.parse(TABLES[t].example)];
  wb.products.push(TABLES.products.schema.parse({ sku: 'MOTOR-A', name: 'Motor A', unit: 'pcs', supply: 'buy', lead_time_days: '10', purchase_cost: '35', list_price: '', min_margin_pct: '' }));
  return wb;
}
