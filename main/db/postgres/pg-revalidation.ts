/**
 * Revalidation in PostgreSQL (the same rules as `revalidation-rows.ts` for SQLite): the open
 * promises in the order they were confirmed or submitted with every hold read in one query, and
 * the engine's outcomes written back in batches (holds through `unnest`, flags in one UPDATE).
 * The caller holds the transaction and the exclusive plant lock.
 */
import type pg from 'pg';
import { approvableCodes } from '../../../shared/rules/reason-groups';
import { dispatchDatesOf } from '../../../shared/engine/revalidate';
import type { Hold, PromiseToRevalidate, RevalidationOutcome } from '../../../shared/engine/types';
import type { OpenPromise } from '../operations-store';
import { holdFromSql, parseStoredReasons, parseStoredRequest, parseStoredResult, type HoldSqlRow } from '../promise-rows';
import { sameHolds } from '../revalidation-rows';
import { HOLD_COLUMNS, bumpHoldsVersion, insertHolds } from './pg-promise-sql';
import { OPEN_STATUSES_SQL } from '../store-types';

/** Open promises in confirm order with who they are for and their risk now (see `OperationsStore.openPromises`). */
export async function openPromisesForRevalidation(c: pg.ClientBase): Promise<OpenPromise[]> {
  const rows = (await c.query<{ id: string; customer: string; at_risk: boolean; risk_reasons_json: string; request_json: string; result_json: string }>(
    `SELECT id, customer, at_risk, risk_reasons::text AS risk_reasons_json, request::text AS request_json, result::text AS result_json
     FROM promises WHERE status IN (${OPEN_STATUSES_SQL}) ORDER BY order_seq, id`,
  )).rows;
  const held = new Map<string, Hold[]>();
  const holdRows = (await c.query<HoldSqlRow>(
    `SELECT ${HOLD_COLUMNS} FROM promise_holds h JOIN promises p ON p.id = h.promise_id WHERE p.status IN (${OPEN_STATUSES_SQL}) ORDER BY h.id`,
  )).rows;
  for (const r of holdRows) {
    const list = held.get(r.promise_id);
    if (list) list.push(holdFromSql(r));
    else held.set(r.promise_id, [holdFromSql(r)]);
  }
  return rows.map((r) => {
    const result = parseStoredResult(r.id, r.result_json);
    return {
      id: r.id,
      request: parseStoredRequest(r.id, r.request_json),
      covered: approvableCodes(result),
      holds: held.get(r.id) ?? [],
      dispatchDates: dispatchDatesOf(result),
      customer: r.customer,
      atRisk: r.at_risk,
      riskReasons: r.at_risk ? parseStoredReasons(r.id, r.risk_reasons_json) : [],
    };
  });
}

/** Writes each outcome's holds and flag, then bumps the holds version (followers rebuild). */
export async function applyRevalidation(c: pg.ClientBase, open: readonly PromiseToRevalidate[], outcomes: readonly RevalidationOutcome[]): Promise<void> {
  const before = new Map(open.map((p) => [p.id, p.holds]));
  const changed: RevalidationOutcome[] = [];
  for (const o of outcomes) {
    const old = before.get(o.id);
    if (!old) throw new Error(`revalidation returned an outcome for ${o.id}, which is not an open promise`);
    if (!sameHolds(old, o.holds)) changed.push(o);
  }
  if (changed.length) {
    await c.query('DELETE FROM promise_holds WHERE promise_id = ANY($1::text[])', [changed.map((o) => o.id)]);
    await insertHolds(c, changed.flatMap((o) => o.holds.map((hold) => ({ id: o.id, hold }))));
  }
  if (outcomes.length) {
    await c.query(
      `UPDATE promises p SET at_risk = u.at_risk, risk_reasons = u.reasons
       FROM unnest($1::text[], $2::boolean[], $3::jsonb[]) AS u (id, at_risk, reasons) WHERE p.id = u.id`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.atRisk), outcomes.map((o) => JSON.stringify(o.atRisk ? o.reasons : []))],
    );
  }
  await bumpHoldsVersion(c, null);
}
