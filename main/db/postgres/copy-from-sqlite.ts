/**
 * Moves a laptop's SQLite database into an EMPTY team database, in one transaction: the operations
 * tables, imports and their history, promises with their holds, events and approvals, users with
 * every key they had, the installation key, sign-in failures, who changed whom, and the signed
 * summaries as the exact text that was signed (so every summary still verifies). Ids and numbers
 * are kept, and the sequences continue after them.
 */
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { TABLE_NAMES, TABLES } from '../../../shared/schemas/workbook';
import { SqliteStore } from '../sqlite-store';
import { ensurePools, insertRows } from './pg-plant';
import type { PostgresStore } from './pg-store';

export class TargetNotEmptyError extends Error {
  constructor(what: string) {
    super(`The team database is not empty (it has ${what}): migrate-to-server moves a database only into an empty one.`);
    this.name = 'TargetNotEmptyError';
  }
}

type Row = Record<string, unknown>;

/** Inserts rows of `columns` (SQLite name → PostgreSQL name and cast) through unnest, ids kept. */
async function copyRows(c: pg.ClientBase, table: string, rows: Row[], columns: [string, string, string][], identity = false): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map(([from, , cast]) =>
    rows.map((r) => {
      const v = r[from];
      if (v === null || v === undefined) return null;
      if (cast === 'boolean') return v === 1 || v === true;
      return v;
    }),
  );
  const casts = columns.map(([, , cast], i) => `$${i + 1}::${cast}[]`).join(', ');
  await c.query(
    `INSERT INTO ${table} (${columns.map(([, to]) => to).join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE' : ''} SELECT * FROM unnest(${casts})`,
    arrays,
  );
}

const all = (db: Database, sql: string) => db.prepare(sql).all() as Row[];
const col = (from: string, cast: string, to = from): [string, string, string] => [from, to, cast];

export interface CopySummary {
  imports: number;
  promises: number;
  holds: number;
  users: number;
  summaries: number;
}

/** Opens the laptop's file, copies it into `target`, and closes the file (left as it was). */
export async function copyFileToPostgres(file: string, target: PostgresStore): Promise<CopySummary> {
  const source = SqliteStore.open(file);
  try {
    return await copySqliteToPostgres(source.db, target);
  } finally {
    await source.close();
  }
}

export async function copySqliteToPostgres(db: Database, target: PostgresStore): Promise<CopySummary> {
  return target.tx(async (c) => {
    for (const [table, what] of [['imports', 'operations tables'], ['promises', 'promises'], ['users', 'users'], ['installation_key', 'an installation key']] as const) {
      if ((await c.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount) throw new TargetNotEmptyError(what);
    }
    await c.query('SELECT pg_advisory_xact_lock(7310422002)');
    const types = await target.columnTypes(c);
    for (const t of TABLE_NAMES) {
      const rows = all(db, `SELECT position, ${TABLES[t].columns.join(', ')} FROM ${t} ORDER BY position`);
      const atPosition: unknown[] = [];
      for (const r of rows) atPosition[r.position as number] = r;
      await insertRows(c, types, t, atPosition, rows.map((r) => r.position as number));
    }
    await ensurePools(c);

    const t = (name: string) => col(name, 'text');
    const ts = (name: string) => col(name, 'timestamptz');
    const n = (name: string) => col(name, 'bigint');
    await copyRows(c, 'imports', all(db, 'SELECT * FROM imports ORDER BY id'), [n('id'), ts('at'), t('source'), t('sha256'), col('row_counts_json', 'jsonb', 'row_counts'), col('user', 'text', 'actor')], true);
    await copyRows(c, 'table_changes', all(db, 'SELECT * FROM table_changes ORDER BY id'), [n('id'), n('import_id'), t('kind'), ts('at'), col('user', 'text', 'actor'), t('source'), t('data_version'), n('added'), n('changed'), n('removed')], true);
    await copyRows(c, 'table_change_rows', all(db, 'SELECT * FROM table_change_rows ORDER BY id'), [n('id'), n('change_id'), t('table_name'), t('row_key'), t('op'), col('row_json', 'jsonb', 'row_data'), col('fields_json', 'jsonb', 'fields')], true);

    const promises = all(db, 'SELECT * FROM promises ORDER BY id');
    await copyRows(c, 'promises', promises, [
      t('id'), t('status'), t('customer'), t('region'), t('mode'), col('request_json', 'jsonb', 'request'), col('result_json', 'jsonb', 'result'),
      col('as_of', 'date'), t('data_version'), ts('created_at'), t('created_by'), ts('submitted_at'), ts('confirmed_at'), ts('hold_expires_at'),
      col('at_risk', 'boolean'), col('risk_reasons_json', 'jsonb', 'risk_reasons'), n('order_seq'),
    ]);
    const holds = all(db, 'SELECT * FROM promise_holds ORDER BY rowid');
    await copyRows(c, 'promise_holds', holds, [t('promise_id'), n('line'), t('type'), t('sku'), t('resource_id'), col('date', 'date'), n('qty'), t('use'), n('regular_e4'), n('overtime_e4')]);
    await copyRows(c, 'promise_events', all(db, 'SELECT * FROM promise_events ORDER BY id'), [n('id'), t('promise_id'), ts('at'), col('user', 'text', 'actor'), t('from_status'), t('to_status'), t('comment')], true);
    await copyRows(c, 'approvals', all(db, 'SELECT * FROM approvals ORDER BY id'), [n('id'), t('promise_id'), t('role'), t('approved_by'), ts('at'), t('comment'), t('decision')], true);

    const users = all(db, 'SELECT * FROM users ORDER BY id');
    await copyRows(c, 'users', users, [n('id'), t('name'), t('name_lower'), t('role'), col('disabled', 'boolean'), t('pass_hash'), t('public_key'), col('private_key_json', 'jsonb', 'private_key'), ts('created_at'), t('created_by')], true);
    await copyRows(c, 'user_keys', all(db, 'SELECT * FROM user_keys ORDER BY created_at'), [t('public_key'), n('user_id'), ts('created_at'), ts('retired_at')]);
    await copyRows(c, 'installation_key', all(db, 'SELECT * FROM installation_key'), [n('id'), t('public_key'), t('private_key'), ts('created_at')]);
    await copyRows(c, 'user_states', all(db, 'SELECT * FROM user_states ORDER BY seq'), [n('seq'), n('user_id'), ts('from_at'), t('role'), col('disabled', 'boolean')], true);
    await copyRows(c, 'sign_in_attempts', all(db, 'SELECT * FROM sign_in_attempts'), [t('name_lower'), t('source'), n('attempts'), ts('last_attempt_at')]);
    await copyRows(c, 'user_events', all(db, 'SELECT * FROM user_events ORDER BY id'), [n('id'), ts('at'), t('actor'), t('action'), t('target'), t('detail')], true);
    const summaries = all(db, 'SELECT * FROM summaries ORDER BY promise_id, copy');
    await copyRows(c, 'summaries', summaries, [t('promise_id'), t('copy'), t('json'), t('signed_by'), ts('created_at')]);

    // Numbers continue after the laptop's; followers rebuild from the holds (no log is carried over).
    const meta = new Map((all(db, 'SELECT key, value FROM meta') as { key: string; value: number }[]).map((r) => [r.key, r.value]));
    for (const [seq, key] of [['promise_number', 'promise_number'], ['order_seq', 'order_seq']] as const) {
      const v = meta.get(key) ?? 0;
      if (v > 0) await c.query(`SELECT setval($1, $2)`, [seq, v]);
    }
    for (const table of ['imports', 'table_changes', 'table_change_rows', 'promise_events', 'approvals', 'users', 'user_events']) {
      await c.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${table})) WHERE EXISTS (SELECT 1 FROM ${table})`, [table]);
    }
    await c.query(`SELECT setval(pg_get_serial_sequence('user_states', 'seq'), (SELECT max(seq) FROM user_states)) WHERE EXISTS (SELECT 1 FROM user_states)`);
    await c.query('UPDATE hold_version SET version = $1 WHERE id = 1', [meta.get('holds_version') ?? 0]);
    return { imports: all(db, 'SELECT id FROM imports').length, promises: promises.length, holds: holds.length, users: users.length, summaries: summaries.length };
  });
}
