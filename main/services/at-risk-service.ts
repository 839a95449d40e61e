/**
 * Promises at risk (`promises.md`): the list sales and operations both see. Resolving one is a
 * change of the promise, made by the promise service (`PromiseService.repromise`, `.cancel`).
 */
import type { AtRiskPromiseView } from '../../shared/contract-operations';
import { OPEN_STATUSES, type PromiseRecord } from '../db/store';
import type { OperationsDeps } from './operations-deps';

function linesOf(p: PromiseRecord): AtRiskPromiseView['lines'] {
  return p.request.lines.map((l) => ({ sku: l.sku, qty: l.qty, requested_date: l.requested_date, unit_price: l.unit_price }));
}

export async function listAtRisk(deps: OperationsDeps): Promise<AtRiskPromiseView[]> {
  const list = await deps.checks.listPromises({ atRisk: true, status: OPEN_STATUSES });
  const out: AtRiskPromiseView[] = [];
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
