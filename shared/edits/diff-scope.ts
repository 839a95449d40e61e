/**
 * The rows of a table a diff has to look at. Rows that are the same at the same position on both
 * sides, and whose key no differing row shares, are paired with each other by the diff's rules
 * (by key, and identical rows first where keys repeat: a row's key is part of its content) and
 * come out unchanged; only the others can pair in any other way. A save of one edited cell in
 * 100,000 rows thus compares a few hundred rows, not all of them (nor builds text for each).
 */
import { TABLES, type TableName } from '../schemas/workbook';

type Row = Record<string, unknown>;

function signature(columns: readonly string[], r: Row): string {
  return JSON.stringify(columns.map((c) => r[c] ?? null));
}

function sameRow(columns: readonly string[], a: Row, b: Row): boolean {
  for (const c of columns) if ((a[c] ?? null) !== (b[c] ?? null)) return false;
  return true;
}

/** Positions (in order) of the rows of each side the diff must compare; every other row is unchanged. */
export function diffScope(table: TableName, before: readonly unknown[], after: readonly unknown[]): { before: number[]; after: number[] } {
  const all = TABLES[table].columns;
  const key = TABLES[table].key;
  const b = before as readonly Row[];
  const a = after as readonly Row[];
  // Rows that differ at their position, and every row past the end of the other side.
  const differing: Row[] = [];
  const common = Math.min(b.length, a.length);
  // Edits keep the rows they did not touch as the same objects: those need no comparing.
  for (let i = 0; i < common; i++) if (b[i] !== a[i] && !sameRow(all, b[i]!, a[i]!)) differing.push(b[i]!, a[i]!);
  for (let i = common; i < b.length; i++) differing.push(b[i]!);
  for (let i = common; i < a.length; i++) differing.push(a[i]!);
  if (differing.length === 0) return { before: [], after: [] };

  const touched = new Set(differing.map((r) => signature(key, r)));
  // A cheap test first: a row can share a key only if each of its key's values occurs among theirs.
  const values = key.map((c) => new Set(differing.map((r) => r[c] ?? null)));
  const inScope = (r: Row) => {
    for (let k = 0; k < key.length; k++) if (!values[k]!.has(r[key[k]!] ?? null)) return false;
    return touched.has(signature(key, r));
  };
  const pick = (rows: readonly Row[]) => {
    const out: number[] = [];
    for (let i = 0; i < rows.length; i++) if (inScope(rows[i]!)) out.push(i);
    return out;
  };
  return { before: pick(b), after: pick(a) };
}
