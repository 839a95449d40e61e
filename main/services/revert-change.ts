/**
 * Undo a saved change (issue #15): the tables as they are now with the rows one import or save
 * touched put back as they were before it — removed rows return, added rows go, changed fields
 * take their old values — saved as a new change recorded like any other. A row that a later
 * change touched again cannot be put back silently: the revert is refused, naming it.
 */
import { checkWorkbookRules } from '../../shared/schemas/workbook-rules';
import { TABLES, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { rowKey } from '../../shared/edits/cells';
import type { HistoryEntry } from '../db/operations-store';
import type { Cell, PlainRow } from '../workbook/diff';

export type Reverted = { ok: true; workbook: Workbook; tables: TableName[] } | { ok: false; problems: string[] };

const wholeOf = (table: TableName, r: Record<string, unknown>) => JSON.stringify(TABLES[table].columns.map((c) => r[c] ?? null));

function plain(table: TableName, r: unknown): PlainRow {
  const o = r as Record<string, unknown>;
  return Object.fromEntries(TABLES[table].columns.map((c) => [c, (o[c] ?? null) as Cell]));
}

/** `entries`: every row of one change. Pure: the tables after undoing it, or why not. */
export function revertEntries(current: Workbook, entries: readonly HistoryEntry[], changeId: number): Reverted {
  const problems: string[] = [];
  const tables = [...new Set(entries.map((e) => e.table))];
  const out = { ...current } as Record<TableName, unknown[]>;
  for (const table of tables) {
    const rows: (PlainRow | null)[] = (current[table] as unknown[]).map((r) => plain(table, r));
    const byWhole = new Map<string, number[]>();
    const byKey = new Map<string, number[]>();
    rows.forEach((r, i) => {
      push(byWhole, wholeOf(table, r!), i);
      push(byKey, rowKey(table, r!), i);
    });
    const take = (list: number[] | undefined, ok: (r: PlainRow) => boolean): number | null => {
      for (const i of list ?? []) if (rows[i] && ok(rows[i]!)) return i;
      return null;
    };
    const added: PlainRow[] = [];
    const later = (key: string) => `${TABLES[table].name} ${key} was changed again after change #${changeId}: undo the later change first, or edit the row in the tables.`;
    for (const e of entries) {
      if (e.table !== table) continue;
      if (e.op === 'add') {
        const i = take(byWhole.get(wholeOf(table, e.row!)), () => true);
        if (i === null) problems.push(later(e.key));
        else rows[i] = null;
      } else if (e.op === 'remove') {
        added.push(e.row!);
      } else {
        const fields = e.fields!;
        const matches = (r: PlainRow) => fields.every((f) => r[f.column] === f.new) && rowKey(table, { ...r, ...oldValues(fields) }) === e.key;
        // The key did not change: look it up; it did: look at every row (an edit of a key is rare).
        const keyChanged = fields.some((f) => TABLES[table].key.includes(f.column));
        const i = keyChanged ? take(rows.map((_, k) => k), matches) : take(byKey.get(e.key), matches);
        if (i === null) problems.push(later(e.key));
        else rows[i] = { ...rows[i]!, ...oldValues(fields) };
      }
    }
    out[table] = [...rows.filter((r): r is PlainRow => r !== null), ...added].map((r) => TABLES[table].schema.parse(r));
  }
  for (const t of tables) if (!TABLES[t].optional && out[t].length === 0) problems.push(`${TABLES[t].name} would be left empty, and the workbook needs it.`);
  if (problems.length) return { ok: false, problems };
  const workbook = out as unknown as Workbook;
  const rules = checkWorkbookRules(workbook);
  if (rules.length) return { ok: false, problems: rules.slice(0, 20).map((r) => `${TABLES[r.table].name}, row ${r.row + 1}${r.column ? `, ${r.column}` : ''}: ${r.message}`) };
  return { ok: true, workbook, tables };
}

const oldValues = (fields: readonly { column: string; old: Cell }[]) => Object.fromEntries(fields.map((f) => [f.column, f.old]));

function push(m: Map<string, number[]>, k: string, i: number) {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}
