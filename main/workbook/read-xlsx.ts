/**
 * Reads an .xlsx workbook: one sheet per table, named like the CSV file without `.csv`, header
 * in row 1. The package is read part by part (xlsx/): exceljs builds a whole document of objects
 * before its first row, which made a 100,000-row import spend most of its time collecting garbage.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TABLE_NAMES } from '../../shared/schemas/workbook';
import type { WorkbookIssue } from './issues';
import { INSTRUCTIONS_SHEET, isTableName, type RawRow, type RawTable, type RawWorkbook } from './raw-workbook';
import { readBook } from './xlsx/xlsx-book';
import { XlsxPackage, XlsxPackageError } from './xlsx/xlsx-package';
import { readSheetRows } from './xlsx/xlsx-sheet';

export async function readXlsx(file: string): Promise<RawWorkbook> {
  const name = basename(file);
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const issues: WorkbookIssue[] = [];
  const tables: RawTable[] = [];
  try {
    const pkg = new XlsxPackage(bytes);
    const book = readBook(pkg);
    for (const sheet of book.sheets) {
      const place = { file: name, sheet: sheet.name };
      if (sheet.name === INSTRUCTIONS_SHEET) continue; // the template's help (template-xlsx.ts)
      if (!isTableName(sheet.name)) {
        issues.push({ ...place, line: null, column: null, reason: `is no table of the workbook (the sheets are named ${TABLE_NAMES.join(', ')})` });
        continue;
      }
      const xml = pkg.text(sheet.part);
      if (xml === null) throw new XlsxPackageError(`the sheet ${sheet.name} has no part ${sheet.part}`);
      let header: (string | null)[] | null = null;
      const rows: RawRow[] = [];
      for (const row of readSheetRows(sheet.part, xml, book)) {
        if (row.line === 1) header = row.cells;
        else rows.push({ line: row.line, cells: row.cells });
        for (const [c, reason] of row.errors ?? []) {
          const column = row.line === 1 ? null : (header?.[c] ?? `number ${c + 1}`);
          issues.push({ ...place, line: row.line, column, reason: `the cell ${reason}` });
        }
      }
      if (header === null && rows.length > 0) {
        issues.push({ ...place, line: 1, column: null, reason: 'has no header row in line 1' });
        continue;
      }
      tables.push({ table: sheet.name, place, header, rows });
    }
  } catch (e) {
    if (!(e instanceof XlsxPackageError)) throw e;
    return { format: 'xlsx', source: name, sha256, tables: [], issues: [{ file: name, line: null, column: null, reason: `is not a readable .xlsx file (${e.message})` }] };
  }
  return { format: 'xlsx', source: name, sha256, tables, issues };
}
