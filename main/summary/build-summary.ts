/**
 * Builds the customer and internal copies of a promise's summary from the check it was confirmed
 * with (`promises.md`, the table under Signed summary). Pure: the caller passes the times.
 */
import type { CheckResult, LineResult, Plan } from '../../shared/schemas/check';
import type { Role } from '../../shared/rules/roles';
import type { Copy, CustomerSummary, InternalLine, InternalSummary, Summary, SummaryLine } from './summary-types';

export interface ApprovalRecord {
  user: string;
  role: Role;
  /** ISO 8601 time. */
  at: string;
  comment: string | null;
}

export interface PromiseForSummary {
  id: string;
  /** The check the promise was confirmed with (its last re-check). */
  result: CheckResult;
  /** When it became `confirmed`. */
  confirmedAt: string | Date;
  approvals: readonly ApprovalRecord[];
}

/** ISO 8601 in UTC to the second: `2026-03-02T09:30:00Z`. */
export function isoUtc(t: string | Date): string {
  const d = typeof t === 'string' ? new Date(t) : t;
  if (Number.isNaN(d.getTime())) throw new Error(`not a time: ${String(t)}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A decimal string with exactly `places` decimals. Only pads: a value with more decimals than
 * wanted is a bug upstream (rounding is the engine's business), so it throws rather than round.
 */
export function fixedDecimal(s: string, places: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > places) throw new Error(`${s} has more than ${places} decimals`);
  return `${m[1]}${m[2]}.${frac.padEnd(places, '0')}`;
}

function chosenPlan(line: LineResult, index: number): Plan {
  const plan = line.plans.find((p) => p.kind === line.chosen_plan);
  if (!plan || !plan.delivery_date || !plan.cost || plan.margin_pct === null) {
    throw new Error(`line ${index + 1} (${line.sku}) has no chosen plan that delivers; only a confirmed promise has a summary`);
  }
  return plan;
}

function customerLine(line: LineResult, index: number): SummaryLine {
  const plan = chosenPlan(line, index);
  return {
    sku: line.sku,
    name: line.name,
    unit: line.unit,
    qty: line.qty,
    unit_price: fixedDecimal(line.unit_price, 4),
    // A plan is one dispatch: the whole quantity arrives on dispatch day + the lane's transit.
    deliveries: [{ date: plan.delivery_date!, qty: line.qty }],
  };
}

function internalLine(line: LineResult, index: number): InternalLine {
  const plan = chosenPlan(line, index);
  const cost = plan.cost!;
  return {
    ...customerLine(line, index),
    plan: plan.kind,
    cost: { goods: fixedDecimal(cost.goods, 2), overtime: fixedDecimal(cost.overtime, 2), shipping: fixedDecimal(cost.shipping, 2), total: fixedDecimal(cost.total, 2) },
    revenue: fixedDecimal(plan.revenue, 2),
    margin_pct: fixedDecimal(plan.margin_pct!, 2),
    discount_pct: fixedDecimal(line.discount_pct, 2),
  };
}

export function buildSummary(p: PromiseForSummary, copy: 'customer'): CustomerSummary;
export function buildSummary(p: PromiseForSummary, copy: 'internal'): InternalSummary;
export function buildSummary(p: PromiseForSummary, copy: Copy): Summary;
export function buildSummary(p: PromiseForSummary, copy: Copy): Summary {
  const r = p.result;
  const common = {
    promise_id: p.id,
    customer: r.customer,
    region: r.region,
    mode: r.mode,
    as_of: r.as_of,
    data_version: r.data_version,
    confirmed_at: isoUtc(p.confirmedAt),
    currency: r.currency,
  };
  if (copy === 'customer') return { ...common, copy, lines: r.lines.map(customerLine) };
  const seen = new Set<string>();
  const reasons: InternalSummary['reasons'] = [];
  for (const line of r.lines) {
    for (const reason of line.reasons) {
      const key = `${reason.code}\u0000${reason.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reasons.push({ code: reason.code, message: reason.message });
    }
  }
  return {
    ...common,
    copy,
    lines: r.lines.map(internalLine),
    reasons,
    approvals: p.approvals.map((a) => ({ user: a.user, role: a.role, at: isoUtc(a.at), comment: a.comment })),
  };
}
