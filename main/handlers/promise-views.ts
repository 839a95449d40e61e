/**
 * Promises as the screens see them: rows for lists, a whole promise for its page, and what the
 * acting user may do with it. "May" mirrors the rules of the promise service and `people/roles.ts`
 * so the page offers only what will be accepted; the service decides again when it is done.
 */
import type { PromiseDetail, PromiseRow, QueueItem, VerdictView } from '../../shared/contract-promises';
import { e4ToString, fixed, toE4Big } from '../../shared/units/money';
import type { Hold } from '../../shared/engine/types';
import { CAPACITY_REASONS, COMMERCIAL_REASONS, type CheckRequest, type CheckResult, type Reason } from '../../shared/schemas/check';
import type { Approval, PromiseEvent, PromiseSummary } from '../services/promise-records';
import { nameKey } from '../people/passphrase';
import { approvalsNeeded, mayCancel, mayFulfil, rolesCovered, type ApprovingRole, type Role } from '../people/roles';
import type { Summary } from '../summary/summary-types';

export interface Who {
  name: string;
  role: Role;
}

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

/** Roles whose approval is on record; an admin's covers them all. */
export function approvedRoles(approvals: readonly Approval[]): Set<string> {
  const roles = new Set(approvals.filter((a) => a.decision === 'approved').map((a) => a.role));
  if (roles.has('admin')) roles.add('operations').add('manager');
  return roles;
}

export function submittedBy(events: readonly PromiseEvent[]): string | null {
  return [...events].reverse().find((e) => e.to === 'awaiting_approval')?.user ?? null;
}

export function missingApprovals(result: CheckResult, approvals: readonly Approval[]): ApprovingRole[] {
  const done = approvedRoles(approvals);
  return approvalsNeeded(result).filter((r) => !done.has(r));
}

/** Whether `who` has a decision to make on the promise now (as the promise service would accept). */
export function decisionDue(who: Who | null, p: { status: string; result: CheckResult; approvals: readonly Approval[]; events: readonly PromiseEvent[] }): ApprovingRole[] {
  if (!who || p.status !== 'awaiting_approval') return [];
  const submitter = submittedBy(p.events);
  if (who.name !== 'local' && submitter !== null && nameKey(submitter) === nameKey(who.name)) return [];
  return rolesCovered(who.role, missingApprovals(p.result, p.approvals));
}

export function approvableReasons(result: CheckResult): Reason[] {
  const codes = new Set([...CAPACITY_REASONS, ...COMMERCIAL_REASONS]);
  return result.lines.flatMap((l) => l.reasons.filter((r) => codes.has(r.code)));
}

export function queueItem(who: Who, p: Listed & { approvals: readonly Approval[]; events: readonly PromiseEvent[] }): QueueItem | null {
  const covers = decisionDue(who, p);
  if (covers.length === 0) return null;
  return {
    ...promiseRow(p),
    submitted_by: submittedBy(p.events),
    missing: missingApprovals(p.result, p.approvals),
    approve_as: who.role === 'admin' ? 'admin' : covers[0]!,
    reasons: approvableReasons(p.result),
  };
}

export function promiseActions(who: Who | null, p: Listed & { approvals: readonly Approval[]; events: readonly PromiseEvent[] }): PromiseDetail['actions'] {
  const due = decisionDue(who, p).length > 0;
  const open = p.status === 'draft' || p.status === 'awaiting_approval' || p.status === 'confirmed';
  return {
    confirm: !!who && p.status === 'draft' && p.result.status === 'ok',
    submit: !!who && p.status === 'draft' && p.result.status === 'needs_approval',
    approve: due,
    reject: due,
    cancel: !!who && open && mayCancel(who.role, who.name, p.createdBy),
    fulfil: !!who && p.status === 'confirmed' && mayFulfil(who.role),
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
