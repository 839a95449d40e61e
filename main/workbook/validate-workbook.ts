/**
 * Turns a raw workbook into typed tables, or into the list of every problem in it: the header of
 * each table, every cell (parsed by the table's shared zod schema, so a CSV and an .xlsx give the
 * same rows), the tables that must be there, then the rules across rows and tables.
 */
import type { z } from 'zod';
import { checkWorkbookRules } from '../../shared/schemas/workbook-rules';
import { TABLES, TABLE_NAMES, emptyWorkbook, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { headerHint } from './header-hint';
import type { WorkbookIssue } from './issues';
import type { RawTable, RawWorkbook } from './raw-workbook';

export type Validated = { ok: true; workbook: Workbook; rowCount: number } | { ok: false; issues: WorkbookIssue[] };

/** Where a long import is, for progress shown to people (the command line on a terminal). */
export type ImportStep = { phase: 'read'; source: string } | { phase: 'validate'; table: TableName; rows: number } | { phase: 'rules' } | { phase: 'write' };
export type OnImportStep = (step: ImportStep) => void;

interface TableState {
  place: RawTable['place'];
  /** Spreadsheet line of each kept row, by row index. */
  lines: number[];
  /** Row indexes with a cell problem: rule problems on them would only repeat it. */
  badRows: Set<number>;
}

const isEmptyCell = (v: unknown) => v === null || v === undefined || v === '';

export function validateWorkbook(raw: RawWorkbook, onStep?: OnImportStep): Validated {
  const issues: WorkbookIssue[] = [...raw.issues];
  const wb = emptyWorkbook();
  const states = new Map<TableName, TableState>();
  let rowCount = 0;

  for (const t of raw.tables) {
    if (states.has(t.table)) {
      issues.push({ ...t.place, line: null, column: null, reason: `table ${t.table} is given twice` });
      continue;
    }
    onStep?.({ phase: 'validate', table: t.table, rows: t.rows.length });
    const state: TableState = { place: t.place, lines: [], badRows: new Set() };
    states.set(t.table, state);
    const rows = readTable(t, state, issues, raw.format);
    (wb as Record<TableName, unknown[]>)[t.table] = rows;
    rowCount += rows.length;
  }

  if (raw.tables.length === 0 || rowCount === 0) {
    if (raw.issues.length === 0) {
      const what = raw.format === 'csv' ? 'holds no rows in any table (no .csv file of the workbook, or only headers)' : 'holds no rows in any table sheet';
      issues.push({ file: raw.source, line: null, column: null, reason: `The workbook is empty: it ${what}` });
    }
    return { ok: false, issues };
  }

  for (const name of TABLE_NAMES) {
    if (!TABLES[name].optional && !states.has(name)) {
      const place = raw.format === 'csv' ? { file: `${name}.csv` } : { file: raw.source, sheet: name };
      issues.push({ ...place, line: null, column: null, reason: `the required table ${name} is missing` });
    }
  }

  let ruleIssues: ReturnType<typeof checkWorkbookRules> = [];
  onStep?.({ phase: 'rules' });
  try {
    ruleIssues = checkWorkbookRules(wb);
  } catch (e) {
    // Only rows with bad cells (kept in part) can upset the rules; those are reported already.
    if (issues.length === 0) throw e;
  }
  for (const r of ruleIssues) {
    const state = states.get(r.table);
    if (!state || state.badRows.has(r.row)) continue;
    issues.push({ ...state.place, line: state.lines[r.row] ?? null, column: r.column, reason: r.message });
  }
  return issues.length ? { ok: false, issues } : { ok: true, workbook: wb, rowCount };
}

/** The rows of one table; rows with problems are kept with the cells that could be read. */
function readTable(t: RawTable, state: TableState, issues: WorkbookIssue[], format: RawWorkbook['format']): unknown[] {
  const spec = TABLES[t.table];
  const schema = spec.schema as z.ZodObject;
  const shape = schema.shape as Record<string, z.ZodType>;
  const at = (line: number | null, column: string | null, reason: string) => issues.push({ ...t.place, line, column, reason });
  if (t.header === null) {
    if (!spec.optional) at(1, null, 'has no header row');
    return [];
  }

  // Header: which position holds which column.
  const headerIssuesFrom = issues.length;
  const known = new Set(spec.columns);
  const positions: [string, number][] = [];
  const seen = new Set<string>();
  const ignored = new Set<number>();
  t.header.forEach((h, i) => {
    const name = h ?? '';
    if (name === '') {
      if (t.rows.some((r) => !isEmptyCell(r.cells[i]))) at(1, null, `column ${i + 1} has values but no name in the header`);
      ignored.add(i);
    } else if (!known.has(name)) {
      at(1, name, `unknown column ${JSON.stringify(name)} (the columns of ${t.table} are ${spec.columns.join(', ')})`);
      ignored.add(i);
    } else if (seen.has(name)) {
      at(1, name, 'the column is given twice');
      ignored.add(i);
    } else {
      seen.add(name);
      positions.push([name, i]);
    }
  });
  const defaulted = new Set(spec.defaulted);
  for (const c of spec.columns) if (!seen.has(c) && !defaulted.has(c)) at(1, c, `the required column ${c} is missing`);
  if (issues.length > headerIssuesFrom) {
    const hint = headerHint(t.table, t.header, t.rows.slice(0, 5).map((r) => r.cells), format);
    // First of the file's header problems, so it is read before them.
    if (hint) issues.splice(headerIssuesFrom, 0, { ...t.place, line: 1, column: null, reason: `likely cause: ${hint}` });
  }
  // A missing required column is reported once above, not on every row.
  const checked = spec.columns.filter((c) => seen.has(c) || defaulted.has(c));
  const width = t.header.length;

  const out: unknown[] = [];
  for (const row of t.rows) {
    const cells = row.cells;
    if (cells.every(isEmptyCell)) continue; // a blank line
    for (let i = width; i < cells.length; i++) {
      if (!isEmptyCell(cells[i])) {
        at(row.line, null, `has a value in position ${i + 1}, past the ${width} columns of the header`);
        break;
      }
    }
    // A left-out defaulted column reads as empty cells.
    const input: Record<string, unknown> = {};
    for (const c of checked) input[c] = null;
    for (const [name, i] of positions) input[name] = cells[i];
    const index = out.length;
    state.lines.push(row.line);
    const whole = schema.safeParse(input);
    if (whole.success) {
      out.push(whole.data);
      continue;
    }
    // Slow path, only for bad rows: each cell on its own, to report it and keep what reads.
    state.badRows.add(index);
    const partial: Record<string, unknown> = {};
    for (const c of checked) {
      const r = shape[c]!.safeParse(input[c]);
      if (r.success) partial[c] = r.data;
      else at(row.line, c, r.error.issues[0]?.message ?? 'is not valid');
    }
    // Problems of the row as a whole (a policy value that does not suit its key).
    for (const issue of whole.error.issues) {
      const c = String(issue.path[0] ?? '');
      if (c && Object.hasOwn(partial, c)) at(row.line, c, issue.message);
    }
    out.push(partial);
  }
  return out;
}
