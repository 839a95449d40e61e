/**
 * A workbook as read from its files, before any cell is interpreted: the same shape whether it
 * came from a folder of CSVs or from an .xlsx, so one validator serves both.
 */
import { TABLE_NAMES, type TableName } from '../../shared/schemas/workbook';
import type { WorkbookIssue } from './issues';

export interface RawRow {
  /** Spreadsheet line (header = 1). */
  line: number;
  /** Cell values by position: strings from CSV; strings, numbers or null from .xlsx. */
  cells: unknown[];
}

export interface RawTable {
  table: TableName;
  /** Where it came from, for issues: the file, and the sheet of an .xlsx. */
  place: { file: string; sheet?: string };
  /** Header cells (null: none); null when the file or sheet is entirely empty. */
  header: (string | null)[] | null;
  rows: RawRow[];
}

export interface RawWorkbook {
  format: 'csv' | 'xlsx';
  /** The folder or file name, for the import history. */
  source: string;
  /** SHA-256 (hex) of the bytes read. */
  sha256: string;
  tables: RawTable[];
  /** Problems found while reading (malformed CSV, a sheet that is no table, ...). */
  issues: WorkbookIssue[];
}

// A Set, not `name in TABLES`: `constructor` or `__proto__` must not look like a table.
const TABLE_SET: ReadonlySet<string> = new Set(TABLE_NAMES);
export const isTableName = (name: string): name is TableName => TABLE_SET.has(name);

/** The template's sheet of instructions: the one sheet that is not a table and is not an error. */
export const INSTRUCTIONS_SHEET = 'Instructions';
