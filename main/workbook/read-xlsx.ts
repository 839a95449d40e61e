/**
 * Reads an .xlsx workbook: one sheet per table, named like the CSV file without `.csv`, header
 * in row 1. exceljs is loaded only here (it is large and CSV imports do not need it).
 *
 * Cells become what a CSV would hold, as exactly as the file allows: numbers through
 * `numberToDecimalString` (at the 15 significant digits a spreadsheet shows, so 0.1 + 0.2 reads as
 * 0.3), dates as `YYYY-MM-DD`, rich text as its text, formulas as their cached result.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { numberToDecimalString } from '../../shared/schemas/fields';
import { TABLE_NAMES } from '../../shared/schemas/workbook';
import type { WorkbookIssue } from './issues';
import { INSTRUCTIONS_SHEET, isTableName, type RawRow, type RawTable, type RawWorkbook } from './raw-workbook';

/** Larger files are refused before they are unzipped (an .xlsx of 100,000 rows is a few MB). */
export const MAX_XLSX_BYTES = 200 * 1024 * 1024;

type CellResult = { value: string | null } | { error: string };

export function xlsxCell(v: unknown, depth = 0): CellResult {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number') {
    const s = numberToDecimalString(Number(v.toPrecision(15)));
    return s === null ? { error: `holds ${String(v)}, which is no plain number` } : { value: s };
  }
  if (typeof v === 'boolean') return { value: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? { error: 'holds a date that is not valid' } : { value: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'object' && depth < 2) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return { value: o.richText.map((r: unknown) => String((r as { text?: unknown })?.text ?? '')).join('') };
    if (Object.hasOwn(o, 'error')) return { error: `holds the error ${String(o.error)}` };
    if (Object.hasOwn(o, 'formula') || Object.hasOwn(o, 'sharedFormula')) {
      return Object.hasOwn(o, 'result') ? xlsxCell(o.result, depth + 1) : { error: 'holds a formula without a computed value (save the file in a spreadsheet first)' };
    }
    if (typeof o.text === 'string') return { value: o.text }; // a hyperlink
    if (typeof o.text === 'object') return xlsxCell(o.text, depth + 1);
  }
  return { error: 'holds a value that cannot be read' };
}

export async function readXlsx(file: string): Promise<RawWorkbook> {
  const name = basename(file);
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const issues: WorkbookIssue[] = [];
  const tables: RawTable[] = [];
  const fail = (reason: string): RawWorkbook => ({ format: 'xlsx', source: name, sha256, tables, issues: [{ file: name, line: null, column: null, reason }] });
  if (bytes.length > MAX_XLSX_BYTES) return fail(`is larger than ${MAX_XLSX_BYTES / 1024 / 1024} MB`);

  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return fail(`is not a readable .xlsx file (${e instanceof Error ? e.message : String(e)})`);
  }
  for (const ws of wb.worksheets) {
    const sheet = ws.name;
    const place = { file: name, sheet };
    if (sheet === INSTRUCTIONS_SHEET) continue; // the template's help (template-xlsx.ts)
    if (!isTableName(sheet)) {
      issues.push({ ...place, line: null, column: null, reason: `is no table of the workbook (the sheets are named ${TABLE_NAMES.join(', ')})` });
      continue;
    }
    const found: { header: (string | null)[] | null } = { header: null };
    const rows: RawRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const values = row.values as unknown[];
      const cells: unknown[] = [];
      // exceljs numbers cells from 1; position 0 is empty.
      for (let c = 1; c < values.length; c++) {
        const r = xlsxCell(values[c]);
        if ('error' in r) {
          const column = line === 1 ? null : (found.header?.[c - 1] ?? `number ${c}`);
          issues.push({ ...place, line, column, reason: `the cell ${r.error}` });
          cells[c - 1] = null;
        } else cells[c - 1] = r.value;
      }
      if (line === 1) found.header = cells.map((v) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v)));
      else rows.push({ line, cells });
    });
    const header = found.header;
    if (header === null && rows.length > 0) {
      issues.push({ ...place, line: 1, column: null, reason: 'has no header row in line 1' });
      continue;
    }
    tables.push({ table: sheet, place, header, rows });
  }
  return { format: 'xlsx', source: name, sha256, tables, issues };
}
