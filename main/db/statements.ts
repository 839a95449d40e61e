/**
 * Prepared statements kept per database connection. Preparing compiles the SQL each time; the
 * statements run for every promise recorded and every hold written were prepared again on every
 * call, most of the cost of recording 20,000 promises or writing a replan (issue #15, speed).
 * Only for fixed SQL text (never text built from values).
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Rows per call into SQLite in the scans that read many rows (`batches`). */
export const SCAN_BATCH = 4096;

/**
 * The rows `sql` reads, a batch at a time: `sql` takes the key to start after and reads at most
 * `SCAN_BATCH` rows in order of that key (`… WHERE key > ? ORDER BY key LIMIT SCAN_BATCH`);
 * `keyOf` gives a row's key. One call into SQLite per batch, not per row, and each batch young
 * garbage gone by the next instead of every row alive until the last is read (the hold rows at
 * start, the operations tables: issue #15, speed). The batches are one snapshot only inside a
 * transaction, so a scan outside one is refused (`what` names it).
 */
export function* batches<R>(db: Database, sql: string, keyOf: (row: R) => number, opts: { raw: boolean; what: string }): Generator<R[]> {
  if (!db.inTransaction) throw new Error(`a scan of ${opts.what} outside a transaction`);
  const statement = prepared(db, sql).raw(opts.raw);
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows = statement.all(after) as R[];
    yield rows;
    if (rows.length < SCAN_BATCH) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}
