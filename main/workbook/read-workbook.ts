/**
 * Reads a workbook from a folder of CSVs or one .xlsx file and validates it completely. Nothing
 * here touches the database: the caller imports the typed tables only when there is no problem.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Workbook } from '../../shared/schemas/workbook';
import { sortIssues, type WorkbookIssue } from './issues';
import { readCsvFolder } from './read-csv-folder';
import type { RawWorkbook } from './raw-workbook';
import { validateWorkbook, type OnImportStep } from './validate-workbook';

export type ReadOutcome =
  | { ok: true; workbook: Workbook; source: string; sha256: string; format: 'csv' | 'xlsx'; rowCount: number }
  | { ok: false; issues: WorkbookIssue[] };

/**
 * Bounds of a workbook, checked before it is read (a 1,000,000-row file took 74 s and 2.8 GB):
 * the CSV files of a folder together, an .xlsx file, and the rows of any one table. A plant has
 * a few thousand rows; the benchmarks import 100,000.
 */
export const MAX_CSV_FOLDER_BYTES = 50 * 1024 * 1024;
export const MAX_XLSX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_TABLE_ROWS = 250_000;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function csvFolderBytes(folder: string): number {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.csv'))
    .reduce((sum, d) => sum + statSync(join(folder, d.name)).size, 0);
}

export async function readRawWorkbook(path: string): Promise<RawWorkbook | WorkbookIssue> {
  const raw = await readBoundedWorkbook(path);
  if (!('tables' in raw)) return raw;
  for (const t of raw.tables) {
    if (t.rows.length > MAX_TABLE_ROWS) {
      return { ...t.place, line: null, column: null, reason: `has ${t.rows.length.toLocaleString('en')} rows, more than a workbook may have (${MAX_TABLE_ROWS.toLocaleString('en')})` };
    }
  }
  return raw;
}

async function readBoundedWorkbook(path: string): Promise<RawWorkbook | WorkbookIssue> {
  const name = basename(path) || path;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { file: path, line: null, column: null, reason: 'does not exist' };
  }
  if (stat.isDirectory()) {
    const bytes = csvFolderBytes(path);
    if (bytes > MAX_CSV_FOLDER_BYTES) return { file: path, line: null, column: null, reason: `holds ${mb(bytes)} of CSV files, more than a workbook may have (${mb(MAX_CSV_FOLDER_BYTES)})` };
    return readCsvFolder(path);
  }
  if (stat.isFile() && name.toLowerCase().endsWith('.xlsx')) {
    if (stat.size > MAX_XLSX_FILE_BYTES) return { file: name, line: null, column: null, reason: `has ${mb(stat.size)}, more than a workbook may have (${mb(MAX_XLSX_FILE_BYTES)})` };
    // Loaded on demand: most imports are CSV.
    const { readXlsx } = await import('./read-xlsx');
    return readXlsx(path);
  }
  return { file: path, line: null, column: null, reason: 'is neither a folder of CSV files nor an .xlsx file' };
}

export async function readWorkbook(path: string, onStep?: OnImportStep): Promise<ReadOutcome> {
  onStep?.({ phase: 'read', source: basename(path) || path });
  const raw = await readRawWorkbook(path);
  if (!('tables' in raw)) return { ok: false, issues: [raw] };
  const v = validateWorkbook(raw, onStep);
  if (!v.ok) return { ok: false, issues: sortIssues(v.issues) };
  return { ok: true, workbook: v.workbook, source: raw.source, sha256: raw.sha256, format: raw.format, rowCount: v.rowCount };
}
