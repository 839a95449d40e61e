/**
 * Connections to PostgreSQL: a pool whose values are parsed at the boundary (int8 and count(*) as
 * safe integers, dates as `YYYY-MM-DD`, times as ISO 8601 in UTC), an 'error' listener on the
 * pool and on every client (without one a process dies when the server ends an idle session),
 * and transactions that are retried only after a serialization failure, a deadlock or a lost
 * connection, never because of capacity.
 */
import pg from 'pg';
import { prepareValue } from 'pg/lib/utils.js';

const { types } = pg;

function int8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned ${text}, beyond the integers JavaScript holds exactly`);
  return n;
}

/** `2026-03-02 08:00:00.123+00` (the session runs in UTC) → `2026-03-02T08:00:00.123Z`. */
export function isoTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (!m) throw new Error(`PostgreSQL returned a time that is not understood: ${text}`);
  if (m[4] && !/^[+-]00(:?00)?$/.test(m[4])) return new Date(text).toISOString();
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

const PARSERS = new Map<number, (text: string) => unknown>([
  [types.builtins.INT8, int8],
  [types.builtins.DATE, (t) => t],
  [types.builtins.TIMESTAMPTZ, isoTime],
  [types.builtins.TIMESTAMP, isoTime],
]);

/** The type parsers every connection of ours uses (passed per pool, never set globally). */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return PARSERS.get(oid) ?? (types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
  },
};

export interface ConnectOptions {
  /** How many connections this process opens at most. */
  max?: number;
  applicationName?: string;
  /**
   * A server: open all `max` connections at start and keep them while idle. A new connection is a
   * new PostgreSQL process that starts cold; opened during a rush, sellers waited for it (50
   * sellers at once: 261-287 confirms/s with the pool opened at start, 240-247 without, paired).
   */
  keepOpen?: boolean;
}

/** Reports errors that reach no caller (an idle connection the server ended). */
export type ErrorSink = (e: Error) => void;

export function clientConfig(url: string, opts: ConnectOptions = {}): pg.ClientConfig {
  return {
    connectionString: url,
    types: pgTypes,
    application_name: opts.applicationName ?? 'promise-desk',
    // UTC for times; a frozen process cannot keep locks for ever.
    options: '-c TimeZone=UTC -c idle_in_transaction_session_timeout=30000',
    connectionTimeoutMillis: 10_000,
  };
}

/** Connections a process opens at most unless told (a server instance: SERVER_POOL_SIZE). */
const DEFAULT_MAX = 10;

export function createPool(url: string, opts: ConnectOptions = {}, onError: ErrorSink = () => {}): pg.Pool {
  const max = opts.max ?? DEFAULT_MAX;
  const pool = new pg.Pool({ ...clientConfig(url, opts), max, ...(opts.keepOpen ? { min: max } : {}), idleTimeoutMillis: 30_000 });
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** Opens all the pool's connections at once (asked for together, the pool makes one for each). */
export async function openConnections(pool: pg.Pool): Promise<void> {
  const clients = await Promise.all(Array.from({ length: pool.options.max ?? DEFAULT_MAX }, () => pool.connect()));
  for (const c of clients) c.release();
}

/** A single client (LISTEN, migrations) with its 'error' listener. */
export function createClient(url: string, opts: ConnectOptions = {}, onError: ErrorSink = () => {}): pg.Client {
  const client = new pg.Client(clientConfig(url, opts));
  client.on('error', onError);
  return client;
}

/** A serialization failure or a deadlock: the transaction lost a race; its connection is fine. */
const CONFLICT_CODES = new Set(['40001', '40P01']);
/** The server shutting down or the connection failing. */
const LOST_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const LOST = /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|server closed the connection|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/** The connection is lost (or the server is going away): it must not be used again. */
export function isConnectionLost(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (err?.code !== undefined && LOST_CODES.has(err.code)) || LOST.test(err?.message ?? '');
}

/** A serialization failure, a deadlock or a lost connection: the transaction may be run again. */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return (code !== undefined && CONFLICT_CODES.has(code)) || isConnectionLost(e);
}

/**
 * `sql` with its `$N` parameters written in as literals, converted exactly as pg converts a
 * parameter (`prepareValue`) and quoted by pg's `escapeLiteral`, so that several statements can
 * go to the server as ONE simple query (see `batch`). Only for our own statements, whose
 * placeholders are never inside a quoted string; each value is quoted, so no value is SQL.
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`statement names $${n} but has ${params.length} parameters`);
    const v = prepareValue(params[i]);
    if (v === null) return 'NULL';
    return pg.escapeLiteral(typeof v === 'string' ? v : `\\x${v.toString('hex')}`);
  });
}

export interface Statement {
  sql: string;
  params?: readonly unknown[];
}

/**
 * Statements sent as one simple query: one round trip, and the server runs them back to back
 * without waiting for this process's event loop in between. Their results, in order. A failing
 * statement stops the rest (in a transaction, the transaction is then aborted).
 */
export async function batch(c: pg.ClientBase, statements: readonly Statement[]): Promise<pg.QueryResult[]> {
  if (statements.length === 0) return [];
  const text = statements.map((s) => (s.params?.length ? inlineParams(s.sql, s.params) : s.sql)).join(';\n');
  const r = (await c.query(text)) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(r) ? r : [r];
}

/** A transaction as `transaction` runs it: which attempt, and whether its last statement committed it. */
export interface Tx {
  attempt: number;
  committed: boolean;
  /** The results of `TransactionOptions.opening`, sent with BEGIN. */
  opened: pg.QueryResult[];
}

/** A change's transaction (`PostgresStore.change`): its idempotency key, and whether its last statement recorded it. */
export interface ChangeTx extends Tx {
  key: string;
  applied: boolean;
}

/**
 * The transaction's last statement and its COMMIT, sent back to back: COMMIT waits in the
 * client's queue and goes out the moment the statement answers, not when this process's busy
 * event loop comes round to it. For a statement that locks what every writer needs (the holds
 * version row): the lock is held for one round trip. Nothing may run in the transaction after it.
 */
export async function lastThenCommit<R extends pg.QueryResultRow>(c: pg.ClientBase, tx: Tx, sql: string, params: unknown[], before: readonly Statement[] = []): Promise<pg.QueryResult<R>> {
  tx.committed = true;
  // One simple query: the statements before, the last one and COMMIT, run by the server back to back.
  const results = await batch(c, [...before, { sql, params }, { sql: 'COMMIT' }]);
  return results[before.length] as pg.QueryResult<R>;
}

export interface TransactionOptions {
  /** Give up after this long of retrying (a restarting server takes a few seconds). */
  retryForMs?: number;
  /**
   * The transaction's first statements, sent with BEGIN in one round trip (locks a change takes
   * and what it reads under them); their results are `tx.opened`.
   */
  opening?: (tx: Pick<Tx, 'attempt'>) => readonly Statement[];
}

/**
 * Runs `fn` in a transaction (read committed) on one client of the pool. A retryable failure
 * (see `isRetryable`) runs it again from the start after a short pause, until `retryForMs` has
 * passed; any other error rolls back and is thrown. `fn` must be safe to run again: writes that
 * may have committed before the connection was lost carry an idempotency key.
 */
export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient, tx: Tx) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  const deadline = Date.now() + (opts.retryForMs ?? 20_000);
  for (let attempt = 0; ; attempt++) {
    let client: pg.PoolClient | null = null;
    try {
      client = await pool.connect();
      const opening = opts.opening?.({ attempt }) ?? [];
      const opened = (await batch(client, [{ sql: 'BEGIN' }, ...opening])).slice(1);
      const tx: Tx = { attempt, committed: false, opened };
      const out = await fn(client, tx);
      if (!tx.committed) await client.query('COMMIT');
      client.release();
      return out;
    } catch (e) {
      if (client) {
        // A connection that failed is not given back to the pool; one whose transaction lost a
        // race (serialization failure, deadlock) is: opening another costs the server a process.
        const lost = isConnectionLost(e);
        if (!lost) await client.query('ROLLBACK').catch(() => {});
        client.release(lost ? (e as Error) : undefined);
      }
      if (!isRetryable(e) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/** A read outside any explicit transaction, retried like `transaction` after a lost connection. */
export async function read<T>(pool: pg.Pool, fn: (c: pg.Pool) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  const deadline = Date.now() + (opts.retryForMs ?? 20_000);
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(pool);
    } catch (e) {
      if (!isRetryable(e) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}
