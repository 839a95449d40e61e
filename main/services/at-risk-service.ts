/**
 * Promises at risk (`promises.md`): the list sales and operations both see. Resolving one is a
 * change of the promise, made by the promise service (`PromiseService.repromise`, `.cancel`).
 */
import type { Reason } from '../../shared/schemas/check';
import { OPEN_STATUSES, type PromiseRecord, type PromiseStatus } from '../db/store';
import type { OperationsDeps } from './operations-deps';
import type { RepromiseLines } from './promise-repromise';

export interface AtRiskPromise {
  id: string;
  status: PromiseStatus;
  customer: string;
  region: string;
  mode: 'standard' | 'express';
  created_by: string;
  confirmed_at: string | null;
  submitted_at: string | null;
  reasons: Reason[];
  /** What was promised: the lines a re-promise starts from. */
  lines: RepromiseLines;
}

function linesOf(p: PromiseRecord): RepromiseLines {
  return p.request.lines.map((l) => ({ sku: l.sku, qty: l.qty, requested_date: l.requested_date, unit_price: l.unit_price }));
}

export async function listAtRisk(deps: OperationsDeps): Promise<AtRiskPromise[]> {
  const list = await deps.checks.listPromises({ atRisk: true, status: OPEN_STATUSES });
  const out: AtRiskPromise[] = [];
  for (const s of list) {
    const p = await deps.checks.store.getPromise(s.id);
    if (!p) continue;
    out.push({
      id: p.id,
      status: p.status,
      customer: p.customer,
      region: p.region,
      mode: p.mode,
      created_by: p.createdBy,
      confirmed_at: p.confirmedAt,
      submitted_at: p.submittedAt,
      reasons: p.riskReasons,
      lines: linesOf(p),
    });
  }
  return out;
}

export async function countAtRisk(deps: OperationsDeps): Promise<number> {
  return (await deps.checks.listPromises({ atRisk: true, status: OPEN_STATUSES })).length;
}
