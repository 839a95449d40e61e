/**
 * Reads a folder of CSV files (UTF-8, optional byte order mark, header row first). Files whose
 * name ends in `.csv` must be tables of the workbook; other files are ignored. A malformed file
 * is reported with its line and the other files are still read, so every problem shows at once.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TABLE_NAMES } from '../../shared/schemas/workbook';
import { columnKinds } from '../../shared/schemas/column-kinds';
import { headerSeparator, readDecimalCommas, type Separator } from './csv-locale';
import { unprotectFormulaText } from './formula-text';
import type { WorkbookIssue } from './issues';
import { isTableName, type RawRow, type RawTable, type RawWorkbook } from './raw-workbook';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readCsvFolder(folder: string): RawWorkbook {
  const issues: WorkbookIssue[] = [];
  const tables: RawTable[] = [];
  const hash = createHash('sha256');
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.csv'))
    .map((d) => d.name)
    .sort();
  for (const file of files) {
    const name = file.slice(0, -'.csv'.length);
    if (!isTableName(name)) {
      issues.push({ file, line: null, column: null, reason: `is no table of the workbook (the tables are ${TABLE_NAMES.join(', ')})` });
      continue;
    }
    const bytes = readFileSync(join(folder, file));
    hash.update(`${file}\0`).update(bytes).update('\0');
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      issues.push({ file, line: null, column: null, reason: 'is not UTF-8 text (save it as "CSV UTF-8")' });
      continue;
    }
    const parsed = parseCsv(file, text);
    if ('issue' in parsed) {
      issues.push(parsed.issue);
      continue;
    }
    if (parsed.separator === ';' && parsed.header) readDecimalCommas(file, name, parsed.header, parsed.rows, issues);
    // Text written with a protecting apostrophe (`'=SUM(A1)`) reads as the text itself.
    const kinds = columnKinds(name);
    const textAt = (parsed.header ?? []).flatMap((h, i) => (kinds[h] === 'text' ? [i] : []));
    for (const r of parsed.rows) {
      for (const i of textAt) {
        const c = r.cells[i];
        if (typeof c === 'string') r.cells[i] = unprotectFormulaText(c);
      }
    }
    tables.push({ table: name, place: { file }, header: parsed.header, rows: parsed.rows });
  }
  return { format: 'csv', source: basename(folder), sha256: hash.digest('hex'), tables, issues };
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

/**
 * Records with their spreadsheet line: the n-th record (header first) is line n, as a spreadsheet
 * shows it. The separator is the header line's (`,` or `;`).
 */
export function parseCsv(file: string, text: string): { header: string[] | null; rows: RawRow[]; separator: Separator } | { issue: WorkbookIssue } {
  const separator = headerSeparator(text);
  // Physical line where the last good record ended: a broken record starts on the next one.
  let lastEnd = 0;
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], ctx: { lines: number }) => {
        lastEnd = ctx.lines;
        return record;
      },
    });
  } catch (e) {
    const err = e as CsvError;
    const start = lastEnd + 1;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      return { issue: { file, line: start, column: null, reason: `a quoted cell that starts on line ${start} is never closed (a quote " is missing)` } };
    if (err.code === 'CSV_INVALID_CLOSING_QUOTE')
      return { issue: { file, line: err.lines ?? start, column: null, reason: 'a quote " inside a quoted cell must be doubled ("")' } };
    return { issue: { file, line: err.lines ?? start, column: null, reason: `is not valid CSV: ${err.message}` } };
  }
  if (records.length === 0) return { header: null, rows: [], separator };
  const rows: RawRow[] = [];
  for (let i = 1; i < records.length; i++) rows.push({ line: i + 1, cells: records[i]! });
  return { header: records[0]!, rows, separator };
}
