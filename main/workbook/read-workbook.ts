/**
 * Reads a workbook from a folder of CSVs or one .xlsx file and validates it completely. Nothing
 * here touches the database: the caller imports the typed tables only when there is no problem.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Workbook } from '../../shared/schemas/workbook';
import { sortIssues, type WorkbookIssue } from './issues';
import { readCsvFolder } from './read-csv-folder';
import type { RawWorkbook } from './raw-workbook';
import { validateWorkbook, type OnImportStep } from './validate-workbook';

export type ReadOutcome =
  | { ok: true; workbook: Workbook; source: string; sha256: string; format: 'csv' | 'xlsx'; rowCount: number }
  | { ok: false; issues: WorkbookIssue[] };

export async function readRawWorkbook(path: string): Promise<RawWorkbook | WorkbookIssue> {
  const name = basename(path) || path;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { file: path, line: null, column: null, reason: 'does not exist' };
  }
  if (stat.isDirectory()) return readCsvFolder(path);
  if (stat.isFile() && name.toLowerCase().endsWith('.xlsx')) {
    // Loaded on demand: exceljs is large and most imports are CSV.
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
