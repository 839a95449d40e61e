/**
 * Rows written straight into a SQLite database's tables, for the tests of migrations and of the
 * scans over them: only what a test is about is given, the rest is plain.
 */
import type { Database } from 'better-sqlite3';

export interface RawPromise {
  id: string;
  status?: string;
  customer?: string;
  request?: string;
  result?: string;
  /** Confirm order; null for a promise never confirmed (a draft). */
  orderSeq?: number | null;
}

/** A writer of promise rows (the `order_seq` column exists from migration 0002 on). */
export function promiseRows(db: Database): (row: RawPromise) => void {
  const insert = db.prepare(
    `INSERT INTO promises (id, status, customer, region, mode, request_json, result_json, as_of, data_version, created_at, created_by, order_seq)
     VALUES (@id, @status, @customer, 'EU', 'standard', @request, @result, '2026-03-02', 'v1', 'x', 'a', @orderSeq)`,
  );
  return ({ id, status = 'confirmed', customer = 'Acme', request = '{}', result = '{"lines":[]}', orderSeq = null }) => {
    insert.run({ id, status, customer, request, result, orderSeq });
  };
}
