/**
 * The diff looks only at the rows that can pair otherwise than with themselves (diff-scope.ts).
 * Held against the diff written out over every row (below, as it was before the scope): after any
 * edits (cells changed, rows removed, added, moved, duplicated) of tables of each key mode, with
 * few distinct values so that keys and whole rows repeat, both give the same diff, change by change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowKey } from '../../shared/edits/cells';
import { diffTable, type PlainRow, type TableDiff } from '../../shared/edits/diff';
import { TABLES, type TableName } from '../../shared/schemas/workbook';

/** The whole-table diff: every row made plain, keyed and compared. */
function reference(table: TableName, beforeRows: readonly unknown[], afterRows: readonly unknown[]): TableDiff {
  const plain = (r: unknown): PlainRow => Object.fromEntries(TABLES[table].columns.map((c) => [c, ((r as PlainRow)[c] ?? null)]));
  const keyOf = (r: PlainRow) => JSON.stringify(TABLES[table].key.map((k) => r[k]));
  const wholeOf = (r: PlainRow) => JSON.stringify(TABLES[table].columns.map((c) => r[c]));
  const before = beforeRows.map(plain);
  const after = afterRows.map(plain);
  const d: TableDiff = { table, added: 0, changed: 0, removed: 0, unchanged: 0, changes: [] };
  const open = new Map<string, number[]>();
  before.forEach((r, i) => open.set(keyOf(r), [...(open.get(keyOf(r)) ?? []), i]));
  const matched = new Array<number | null>(after.length).fill(null);
  const used = new Set<number>();
  if (TABLES[table].keyMode !== 'unique') {
    const identical = new Map<string, number[]>();
    before.forEach((r, i) => identical.set(wholeOf(r), [...(identical.get(wholeOf(r)) ?? []), i]));
    after.forEach((r, j) => {
      const i = identical.get(wholeOf(r))?.shift();
      if (i !== undefined) {
        matched[j] = i;
        used.add(i);
      }
    });
  }
  after.forEach((r, j) => {
    if (matched[j] !== null) return;
    const list = open.get(keyOf(r));
    while (list?.length && used.has(list[0]!)) list.shift();
    const i = list?.shift();
    if (i !== undefined) {
      matched[j] = i;
      used.add(i);
    }
  });
  after.forEach((r, j) => {
    const i = matched[j];
    if (i === null || i === undefined) {
      d.added++;
      d.changes.push({ op: 'add', key: rowKey(table, r), row: r });
      return;
    }
    const fields = TABLES[table].columns.filter((c) => before[i]![c] !== r[c]).map((c) => ({ column: c, old: before[i]![c]!, new: r[c]! }));
    if (fields.length === 0) d.unchanged++;
    else {
      d.changed++;
      d.changes.push({ op: 'change', key: rowKey(table, before[i]!), fields });
    }
  });
  before.forEach((r, i) => {
    if (used.has(i)) return;
    d.removed++;
    d.changes.push({ op: 'remove', key: rowKey(table, r), row: r });
  });
  return d;
}

// One table of each key mode; values from small sets so that keys and whole rows repeat (a
// missing cell and a null one are the same empty cell).
const value = fc.constantFrom('A', 'B', 'C', null, undefined, '1', 1);
const tables = ['resources', 'resource_load', 'orders'] as const;
const rowOf = (table: TableName) => fc.tuple(...TABLES[table].columns.map(() => value)).map((vs) => Object.fromEntries(TABLES[table].columns.map((c, k) => [c, vs[k]]).filter(([, v]) => v !== undefined)));

type Edit = { kind: 'set'; at: number; column: number; value: unknown } | { kind: 'remove'; at: number } | { kind: 'add'; row: Record<string, unknown> } | { kind: 'copy'; from: number; to: number } | { kind: 'swap'; a: number; b: number };

const edit = (table: TableName): fc.Arbitrary<Edit> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), column: fc.nat(), value }) },
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), row: rowOf(table) }),
    fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  );

/** Edits applied as a save does: untouched rows stay the same objects, touched ones are new. */
function applied(table: TableName, rows: readonly Record<string, unknown>[], edits: readonly Edit[]): Record<string, unknown>[] {
  const out = [...rows];
  const cols = TABLES[table].columns;
  for (const e of edits) {
    if (e.kind === 'add') out.push(e.row);
    if (out.length === 0) continue;
    if (e.kind === 'set') out[e.at % out.length] = { ...out[e.at % out.length], [cols[e.column % cols.length]!]: e.value };
    if (e.kind === 'remove') out.splice(e.at % out.length, 1);
    if (e.kind === 'copy') out[e.to % out.length] = { ...out[e.from % out.length] };
    if (e.kind === 'swap') [out[e.a % out.length], out[e.b % out.length]] = [out[e.b % out.length]!, out[e.a % out.length]!];
  }
  return out;
}

describe('diff scope', () => {
  for (const table of tables) {
    it(`gives the whole-table diff of ${table} (${TABLES[table].keyMode} keys)`, () => {
      fc.assert(
        fc.property(fc.array(rowOf(table), { maxLength: 30 }), fc.array(edit(table), { maxLength: 6 }), (rows, edits) => {
          const after = applied(table, rows, edits);
          expect(diffTable(table, rows, after)).toStrictEqual(reference(table, rows, after));
        }),
        { seed: 20261204, numRuns: 3000 },
      );
    });
  }
});
