/**
 * Promises as the screens see them: rows for lists, a whole promise for its page, and what the
 * acting user may do with it. "May" reads the same rules the promise service enforces
 * (`shared/rules/permissions.ts`, `shared/rules/approvals.ts`), so the page offers only what will
 * be accepted; the service decides again when it is done.
 */
import type { PromiseDetail, PromiseRow, QueueItem, VerdictView } from '../../shared/contract-promises';
import { e4ToString, fixed, toE4Big } from '../../shared/units/money';
import type { Hold } from '../../shared/engine/types';
import type { CheckRequest, CheckResult, Reason } from '../../shared/schemas/check';
import { approvalsMissing, decisionOf, submitterOf } from '../../shared/rules/approvals';
import { permits } from '../../shared/rules/permissions';
import { isApprovable, reasonCodes } from '../../shared/rules/reason-groups';
import type { ActorRef } from '../../shared/rules/roles';
import type { Approval, PromiseEvent, PromiseSummary } from '../services/promise-records';
import type { Summary } from '../summary/summary-types';

type Listed = PromiseSummary & { request: CheckRequest; result: CheckResult };

function revenue(result: CheckResult): string {
  let e4 = 0n;
  for (const l of result.lines) {
    const p = l.plans.find((x) => x.kind === l.chosen_plan) ?? l.plans[0];
    if (p) e4 += toE4Big(p.revenue);
  }
  return fixed(e4 / 100n, 2);
}

export function promiseRow(p: Listed): PromiseRow {
  return {
    id: p.id,
    status: p.status,
    customer: p.customer,
    region: p.region,
    mode: p.mode,
    currency: p.result.currency,
    check_status: p.result.status,
    created_at: p.createdAt,
    created_by: p.createdBy,
    submitted_at: p.submittedAt,
    confirmed_at: p.confirmedAt,
    hold_expires_at: p.holdExpiresAt,
    at_risk: p.atRisk,
    risk_reasons: p.riskReasons,
    revenue: revenue(p.result),
    lines: p.result.lines.map((l) => {
      const chosen = l.plans.find((x) => x.kind === l.chosen_plan);
      return { sku: l.sku, name: l.name, qty: l.qty, requested_date: l.requested_date, delivery_date: chosen?.delivery_date ?? null };
    }),
  };
}

export function holdView(h: Hold): PromiseDetail['holds'][number] {
  return h.type === 'goods'
    ? { line: h.line, type: 'goods', sku: h.sku, resource_id: null, date: h.date, qty: h.qty, use: h.use, regular_hours: null, overtime_hours: null }
    : { line: h.line, type: 'hours', sku: null, resource_id: h.resource_id, date: h.date, qty: null, use: null, regular_hours: e4ToString(h.regular_e4), overtime_hours: e4ToString(h.overtime_e4) };
}

type Decided = Listed & { approvals: readonly Approval[]; events: readonly PromiseEvent[] };

/** The approvals rule's answer for `who` on this promise. */
function decision(who: ActorRef, p: Decided) {
  return decisionOf(who, { status: p.status, codes: reasonCodes(p.result), approvals: p.approvals, submittedBy: submitterOf(p.events) });
}

export const missingApprovals = (p: Pick<Decided, 'result' | 'approvals'>) => approvalsMissing(reasonCodes(p.result), p.approvals);

export function approvableReasons(result: CheckResult): Reason[] {
  return result.lines.flatMap((l) => l.reasons.filter((r) => isApprovable(r.code)));
}

export function queueItem(who: ActorRef, p: Decided): QueueItem | null {
  const d = decision(who, p);
  if (!d.due) return null;
  return { ...promiseRow(p), submitted_by: submitterOf(p.events), missing: d.missing, approve_as: d.as, reasons: approvableReasons(p.result) };
}

export function promiseActions(who: ActorRef | null, p: Decided): PromiseDetail['actions'] {
  const due = !!who && decision(who, p).due;
  const open = p.status === 'draft' || p.status === 'awaiting_approval' || p.status === 'confirmed';
  return {
    confirm: !!who && p.status === 'draft' && p.result.status === 'ok',
    submit: !!who && p.status === 'draft' && p.result.status === 'needs_approval',
    approve: due,
    reject: due,
    cancel: !!who && open && permits(who, 'promises:cancel', { createdBy: p.createdBy }),
    fulfil: !!who && p.status === 'confirmed' && permits(who, 'promises:fulfil'),
    export: p.status === 'confirmed' || p.status === 'fulfilled',
  };
}

/** What a verified summary says, for the Verify screen (the customer copy's fields of either copy). */
export function signedContent(s: Summary): NonNullable<VerdictView['content']> {
  return {
    region: s.region,
    mode: s.mode,
    as_of: s.as_of,
    confirmed_at: s.confirmed_at,
    currency: s.currency,
    lines: s.lines.map((l) => ({ sku: l.sku, name: l.name, unit: l.unit, qty: l.qty, unit_price: l.unit_price, deliveries: l.deliveries.map((d) => ({ date: d.date, qty: d.qty })) })),
  };
}
