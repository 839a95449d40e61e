/**
 * The Promises list's search in PostgreSQL, with the same answers as SQLite's: status, at risk, a
 * product on any line and the dates in SQL (jsonb), part of the customer's name in JavaScript
 * (the same Unicode folding as SQLite's search). Newest first; `total` counts every match.
 */
import type pg from 'pg';
import type { CheckRequest, CheckResult } from '../../../shared/schemas/check';
import { parseStoredRequest, parseStoredResult, summaryFromSql } from '../promise-rows';
import type { PromiseStatus, PromiseSummary } from '../store-types';
import { PG_SUMMARY_COLUMNS } from './pg-promise-sql';

export interface PgPromiseSearch {
  status?: readonly PromiseStatus[] | undefined;
  customer?: string | undefined;
  product?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  dates?: 'created' | 'delivery' | undefined;
  atRisk?: boolean | undefined;
  limit?: number | undefined;
}

const folded = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

export async function searchPromisesPg(
  c: pg.ClientBase | pg.Pool,
  q: PgPromiseSearch = {},
): Promise<{ promises: (PromiseSummary & { request: CheckRequest; result: CheckResult })[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (q.status?.length) where.push(`status = ANY(${p([...q.status])}::text[])`);
  if (q.atRisk !== undefined) where.push(`at_risk = ${p(q.atRisk)}`);
  if (q.product) where.push(`request->'lines' @> jsonb_build_array(jsonb_build_object('sku', ${p(q.product)}::text))`);
  if (q.from || q.to) {
    const range = `BETWEEN ${p(q.from ?? '0000-01-01')} AND ${p(q.to ?? '9999-12-31')}`;
    if ((q.dates ?? 'created') === 'created') where.push(`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') ${range}`);
    else where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(request->'lines') l WHERE l->>'requested_date' ${range})`);
  }
  const found = await c.query<{ id: string; customer: string }>(
    `SELECT id, customer FROM promises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC`,
    params,
  );
  let ids = found.rows;
  const part = q.customer?.trim();
  if (part) ids = ids.filter((r) => folded(r.customer).includes(folded(part)));
  const page = ids.slice(0, q.limit ?? 200).map((r) => r.id);
  const rows = await c.query<{ id: string; request_json: string; result_json: string }>(
    `SELECT ${PG_SUMMARY_COLUMNS}, request::text AS request_json, result::text AS result_json FROM promises WHERE id = ANY($1::text[])`,
    [page],
  );
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  const promises = page.map((id) => {
    const row = byId.get(id)!;
    return { ...summaryFromSql(row), request: parseStoredRequest(id, row.request_json), result: parseStoredResult(id, row.result_json) };
  });
  return { promises, total: ids.length };
}
