/**
 * The Promises list's search: a read-only query over the promises table (status, at risk, a
 * product on any line, created or requested-delivery dates in SQL; part of the customer's name in
 * JavaScript, because SQLite folds case for ASCII only). Newest first; `total` counts every match
 * and `limit` bounds the rows read back, which go through the shared schemas like any stored row.
 */
import type { Database } from 'better-sqlite3';
import { SUMMARY_COLUMNS, parseStoredRequest, parseStoredResult, summaryFromSql } from './promise-rows';
import type { FoundPromise, PromiseSearch } from './store-types';

export type { FoundPromise, PromiseSearch } from './store-types';

export const DEFAULT_LIMIT = 200;

function folded(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase();
}

export function searchPromises(db: Database, q: PromiseSearch = {}): { promises: FoundPromise[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.status?.length) {
    where.push(`status IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  if (q.atRisk !== undefined) {
    where.push('at_risk = ?');
    params.push(q.atRisk ? 1 : 0);
  }
  if (q.product) {
    where.push(`EXISTS (SELECT 1 FROM json_each(request_json, '$.lines') WHERE json_extract(value, '$.sku') = ?)`);
    params.push(q.product);
  }
  const from = q.from ?? '0000-01-01';
  const to = q.to ?? '9999-12-31';
  if (q.from || q.to) {
    if ((q.dates ?? 'created') === 'created') {
      where.push('substr(created_at, 1, 10) BETWEEN ? AND ?');
    } else {
      where.push(`EXISTS (SELECT 1 FROM json_each(request_json, '$.lines') WHERE json_extract(value, '$.requested_date') BETWEEN ? AND ?)`);
    }
    params.push(from, to);
  }
  const sql = `SELECT id, customer FROM promises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC`;
  let ids = (db.prepare(sql).all(...params) as { id: string; customer: string }[]);
  const part = q.customer?.trim();
  if (part) {
    const want = folded(part);
    ids = ids.filter((r) => folded(r.customer).includes(want));
  }
  const page = ids.slice(0, q.limit ?? DEFAULT_LIMIT);
  const read = db.prepare(`SELECT ${SUMMARY_COLUMNS}, request_json, result_json FROM promises WHERE id = ?`);
  const promises = db.transaction(() =>
    page.map(({ id }) => {
      const row = read.get(id) as { request_json: string; result_json: string };
      return { ...summaryFromSql(row), request: parseStoredRequest(id, row.request_json), result: parseStoredResult(id, row.result_json) };
    }),
  )();
  return { promises, total: ids.length };
}
