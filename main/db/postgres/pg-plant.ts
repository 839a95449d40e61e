/**
 * The operations tables in PostgreSQL: written a table at a time in one statement each (`unnest`
 * of one array per column, the column types read from the database itself, so the tables are
 * defined once, in the migration), read back in import order and parsed with the shared schemas
 * (the database is a trust boundary like any file).
 */
import type pg from 'pg';
import { TABLE_NAMES, TABLES, emptyWorkbook, type TableName, type Workbook } from '../../../shared/schemas/workbook';
import { CorruptRowError } from '../workbook-tables';

type Q = pg.ClientBase;
export type ColumnTypes = Record<TableName, Record<string, string>>;

/** Each operations table's column types (`text`, `bigint`, `date`), as the migration made them. */
export async function readColumnTypes(c: Q | pg.Pool): Promise<ColumnTypes> {
  const r = await c.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1::text[])`,
    [TABLE_NAMES],
  );
  const out = Object.fromEntries(TABLE_NAMES.map((t) => [t, {}])) as ColumnTypes;
  for (const row of r.rows) out[row.table_name as TableName][row.column_name] = row.data_type;
  return out;
}

function cell(table: TableName, column: string, v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  throw new Error(`${table}.${column}: cannot store a ${typeof v}`);
}

/** Inserts rows at the given positions (one statement for the whole batch). */
export async function insertRows(c: Q, types: ColumnTypes, table: TableName, rows: readonly unknown[], positions: readonly number[]): Promise<void> {
  if (positions.length === 0) return;
  const cols = TABLES[table].columns;
  const arrays: unknown[][] = [positions.slice()];
  for (const col of cols) arrays.push(positions.map((i) => cell(table, col, (rows[i] as Record<string, unknown>)[col])));
  const casts = cols.map((col, k) => `$${k + 2}::${types[table][col] ?? 'text'}[]`);
  await c.query(`INSERT INTO ${table} (position, ${cols.join(', ')}) SELECT * FROM unnest($1::integer[], ${casts.join(', ')})`, arrays);
}

/** Replaces every operations table (the caller holds the transaction and the plant lock). */
export async function writeWorkbook(c: Q, types: ColumnTypes, wb: Workbook): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  await c.query(`TRUNCATE ${TABLE_NAMES.join(', ')}`);
  for (const t of TABLE_NAMES) {
    const rows = wb[t] as readonly unknown[];
    // Batches bound the size of one statement's parameters.
    for (let from = 0; from < rows.length; from += 20_000) {
      const positions = Array.from({ length: Math.min(20_000, rows.length - from) }, (_, k) => from + k);
      await insertRows(c, types, t, rows, positions);
    }
    counts[t] = rows.length;
  }
  await ensurePools(c);
  return counts;
}

/** One `capacity_pools` row per resource and per SKU of the tables now stored. */
export async function ensurePools(c: Q): Promise<void> {
  await c.query(`INSERT INTO capacity_pools (kind, pool_id)
    SELECT 'hours', resource_id FROM resources UNION SELECT 'goods', sku FROM products
    ON CONFLICT DO NOTHING`);
}

export async function readWorkbook(c: Q | pg.Pool): Promise<Workbook> {
  const wb = emptyWorkbook();
  for (const t of TABLE_NAMES) {
    const spec = TABLES[t];
    const r = await c.query<Record<string, string | number | null>>(`SELECT position, ${spec.columns.join(', ')} FROM ${t} ORDER BY position`);
    const out: unknown[] = new Array(r.rows.length);
    for (let i = 0; i < r.rows.length; i++) {
      const row = r.rows[i]!;
      const parsed = spec.schema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new CorruptRowError(t, row.position as number, `${issue.path.join('.')} ${issue.message}`);
      }
      out[i] = parsed.data;
    }
    (wb as Record<TableName, unknown[]>)[t] = out;
  }
  return wb;
}
