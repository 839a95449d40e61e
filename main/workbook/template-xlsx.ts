/**
 * The blank workbook as an .xlsx to fill in (issue #15, item 7): the example rows of every table,
 * and what helps a planner fill them in a spreadsheet: an Instructions sheet first, a note on
 * every header (the column's meaning and example, from shared/schemas/column-notes.ts), drop-down
 * lists where the values are a fixed set (supply, mode, policy key) or must name a row of another
 * sheet (calendars, resources, products), a filter on the header and the header frozen. The
 * importer skips the Instructions sheet (read-xlsx.ts), so the template imports as it is.
 */
import { MODES, POLICY_KEYS, SUPPLY_KINDS, TABLES, TABLE_NAMES, type TableName } from '../../shared/schemas/workbook';
import { columnNote } from '../../shared/schemas/column-notes';
import type ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { addTableSheets, exportWorkbook, formatOf, templateWorkbook, writeAtomically, type WorkbookFormat } from './export-workbook';
import { INSTRUCTIONS_SHEET } from './raw-workbook';

/**
 * Rows the drop-downs cover below the header. exceljs (writing, and our importer reading) expands
 * a validated range into one entry per cell, so this stays at what a template is filled with;
 * rows below it simply have no drop-down (the importer checks every row anyway).
 */
export const VALIDATED_ROWS = 5_000;

type ListSource = { values: readonly string[] } | { sheet: TableName };

/** Where a column's allowed values come from. References point at the key column (A) of a sheet. */
export const COLUMN_LISTS: Partial<Record<TableName, Record<string, ListSource>>> = {
  calendar_exceptions: { calendar_id: { sheet: 'calendars' } },
  resources: { calendar_id: { sheet: 'calendars' } },
  resource_load: { resource_id: { sheet: 'resources' } },
  products: { supply: { values: SUPPLY_KINDS } },
  routings: { sku: { sheet: 'products' }, resource_id: { sheet: 'resources' } },
  bom: { sku: { sheet: 'products' }, component_sku: { sheet: 'products' } },
  inventory: { sku: { sheet: 'products' } },
  receipts: { sku: { sheet: 'products' } },
  orders: { sku: { sheet: 'products' } },
  lanes: { mode: { values: MODES }, dispatch_calendar_id: { sheet: 'calendars' } },
  policy: { key: { values: Object.keys(POLICY_KEYS) } },
};

const SHEET_PURPOSE: Record<TableName, string> = {
  calendars: 'working hours per weekday of each working pattern',
  calendar_exceptions: 'holidays, shutdowns and extra shifts',
  resources: 'machines, lines and teams whose hours limit output',
  resource_load: 'hours already booked by work outside Promise Desk',
  products: 'everything sold or bought (make or buy)',
  routings: 'hours one unit of a make product takes on each resource',
  bom: 'components one unit of a make product consumes',
  inventory: 'units in stock on the as-of date',
  receipts: 'open purchase orders and planned production',
  orders: 'customer orders already promised elsewhere',
  lanes: 'how goods reach each region (transit days, dispatch days, cost)',
  policy: 'currency, margin and discount limits, horizon, hold days',
};

const colLetter = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/** The text of the Instructions sheet, a line a row. */
export function instructionLines(): string[][] {
  return [
    ['Promise Desk workbook'],
    ['Fill in one sheet per table; the first row of each sheet is its header: keep it as it is.'],
    ['Hover a header for what the column means and an example. Drop-down lists offer the allowed values.'],
    ['Dates are YYYY-MM-DD, quantities whole numbers, hours and money at most 4 decimals, percentages as numbers (18 = 18 %).'],
    ['Identifiers (sku, resource_id, calendar_id, region) are case-sensitive. References must exist in their sheet.'],
    ['An import is all or nothing: every problem is listed with its sheet, line and column, and nothing changes until all are fixed.'],
    ['This Instructions sheet is skipped when the workbook is imported. The full guide is in Promise Desk under Help.'],
    [],
    ['Sheet', 'Required?', 'What it holds'],
    ...TABLE_NAMES.map((t) => [t, TABLES[t].optional ? 'optional' : 'required', SHEET_PURPOSE[t]]),
  ];
}

/** exceljs has the worksheet's data validations (one range each) but leaves them out of its types. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;

function headerNote(table: TableName, column: string): string {
  const n = columnNote(table, column)!;
  const spec = TABLES[table];
  const need = spec.defaulted.includes(column) ? 'Optional.' : 'Required.';
  return `${column}: ${n.meaning}\n${need} Example: ${n.example === '' ? '(empty)' : n.example}`;
}

export async function templateToXlsx(): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Promise Desk';
  // First, so a spreadsheet opens on it; then the tables as every export writes them.
  const help = book.addWorksheet(INSTRUCTIONS_SHEET);
  for (const line of instructionLines()) help.addRow(line);
  help.getRow(1).font = { bold: true, size: 14 };
  help.getRow(9).font = { bold: true };
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 12;
  help.getColumn(3).width = 70;
  addTableSheets(book, templateWorkbook());
  for (const t of TABLE_NAMES) {
    const ws = book.getWorksheet(t)!;
    const cols = TABLES[t].columns;
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
    cols.forEach((c, i) => (ws.getCell(1, i + 1).note = headerNote(t, c)));
    for (const [column, source] of Object.entries(COLUMN_LISTS[t] ?? {})) {
      const letter = colLetter(cols.indexOf(column) + 1);
      const formula = 'values' in source ? `"${source.values.join(',')}"` : `${source.sheet}!$A$2:$A$${VALIDATED_ROWS + 1}`;
      validations(ws).add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column,
        error: 'values' in source ? `Choose one of: ${source.values.join(', ')}.` : `Choose a ${TABLES[source.sheet].key[0]} listed in the ${source.sheet} sheet.`,
      });
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The template written where asked: this .xlsx, or the plain CSV files (a CSV has no room for help). */
export async function exportTemplate(target: string): Promise<{ format: WorkbookFormat; files: string[] }> {
  if (formatOf(target) !== 'xlsx') return exportWorkbook(templateWorkbook(), target);
  mkdirSync(dirname(target), { recursive: true });
  writeAtomically(target, await templateToXlsx());
  return { format: 'xlsx', files: [target] };
}
