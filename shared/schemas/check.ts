/**
 * A promise check's request and result (`promise-check.md`). The result is the spec's JSON form;
 * fields beyond the spec's are additions that keep the spec's names and meanings intact.
 */
import { z } from 'zod';
import { BIDI, dateStr, decimal, identifier, isoDate, LONE_SURROGATE, show } from './fields';
import { MODES } from './tables/lanes';

/**
 * `qty` must be a JSON integer (2.5 and "3" are refused); `unit_price` a positive decimal string or
 * number with at most 4 decimals. Unknown fields are errors so that a typo is never ignored.
 */
export const requestLine = z.strictObject({
  sku: identifier,
  qty: z.unknown().transform((v, ctx) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
      ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got ${show(v)}` });
      return z.NEVER;
    }
    return v;
  }),
  requested_date: isoDate,
  unit_price: decimal({ places: 4, positive: true }),
});
export type RequestLine = z.output<typeof requestLine>;

/** Lines a request may have (`promise-check.md`). */
export const MAX_LINES = 500;

export const checkRequest = z.strictObject({
  // A check alone may leave the customer out (a salesperson asking what is available); confirming,
  // submitting or saving needs one (`customerIssues`).
  customer: z.unknown().optional().transform((v, ctx) => {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') {
      ctx.addIssue({ code: 'custom', message: 'must be text (the customer the promise is for)' });
      return z.NEVER;
    }
    if (v.length > 200) ctx.addIssue({ code: 'custom', message: 'must be at most 200 characters' });
    // Printed on terminals, screens and the signed PDF: nothing that moves the cursor, rings,
    // reorders text, or cannot be written as UTF-8 at all.
    else if (/\p{Cc}/u.test(v)) ctx.addIssue({ code: 'custom', message: 'must not contain control characters' });
    else if (BIDI.test(v)) ctx.addIssue({ code: 'custom', message: 'must not contain bidirectional-override characters' });
    else if (LONE_SURROGATE.test(v)) ctx.addIssue({ code: 'custom', message: 'must not contain unpaired surrogates' });
    return v.trim();
  }),
  region: identifier,
  mode: z
    .unknown()
    .optional()
    .transform((v, ctx): (typeof MODES)[number] => {
      if (v === undefined) return 'standard';
      if (v === 'standard' || v === 'express') return v;
      ctx.addIssue({ code: 'custom', message: `must be "standard" or "express", got ${JSON.stringify(v)}` });
      return z.NEVER;
    }),
  lines: z
    .unknown()
    .superRefine((v, ctx) => {
      // Counted before any line is parsed: 10,000 lines are refused at once, not checked.
      if (Array.isArray(v) && v.length > MAX_LINES) ctx.addIssue({ code: 'custom', message: `must have at most ${MAX_LINES} lines, got ${v.length}`, abort: true });
    })
    .pipe(z.array(requestLine).min(1, 'must have at least one line')),
});
export type CheckRequest = z.output<typeof checkRequest>;

/** What confirming, submitting or saving a draft needs beyond a check: a customer. */
export function customerIssues(req: { customer: string }): RequestIssue[] {
  return req.customer.trim() === '' ? [{ path: 'customer', message: 'is required to confirm, submit or save: type the customer the promise is for' }] : [];
}
/** What a caller may send (before defaults): used by the UI and tests to build requests. */
export type CheckRequestInput = {
  customer?: string;
  region: string;
  mode?: 'standard' | 'express';
  lines: { sku: string; qty: number; requested_date: string; unit_price: string | number }[];
};

export const PLAN_KINDS = ['regular', 'overtime', 'express', 'express_overtime'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const STATUSES = ['ok', 'needs_approval', 'not_feasible'] as const;
export type Status = (typeof STATUSES)[number];

export const REASON_CODES = [
  'capacity_short',
  'component_short',
  'stock_short',
  'transit_too_long',
  'beyond_horizon',
  'needs_overtime',
  'needs_express',
  'margin_below_floor',
  'discount_above_limit',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const money = z.string().regex(/^-?\d+\.\d{2}$/);

export const reason = z.object({
  code: z.enum(REASON_CODES),
  message: z.string(),
  /** Structured detail for the UI (resource, days, component, from-date); optional. */
  resource_id: z.string().optional(),
  component_sku: z.string().optional(),
  dates: z.array(dateStr).optional(),
});
export type Reason = z.output<typeof reason>;

export const delivery = z.object({ date: dateStr, qty: z.number().int() });

export const alternative = z.object({
  kind: z.enum(['later_date', 'partial', 'fastest_plan']),
  plan: z.enum(PLAN_KINDS).optional(),
  mode: z.enum(MODES).optional(),
  deliveries: z.array(delivery),
  /** The status the line (each part of a split, at worst) gets once the alternative is applied. */
  status: z.enum(['ok', 'needs_approval']).optional(),
  message: z.string(),
});
export type Alternative = z.output<typeof alternative>;

/** What one day of a plan's production uses, for holds and the bottleneck picture. */
export const productionDay = z.object({
  date: dateStr,
  qty: z.number().int(),
  /** Per resource: regular and overtime hours as decimal strings. */
  resources: z.array(z.object({ resource_id: z.string(), regular_hours: z.string(), overtime_hours: z.string() })),
});

export const plan = z.object({
  kind: z.enum(PLAN_KINDS),
  mode: z.enum(MODES),
  overtime: z.boolean(),
  latest_dispatch_date: dateStr.nullable(),
  /** `null` means unlimited (a bought item past its lead time). */
  available_by_requested_date: z.number().int().nullable(),
  earliest_delivery_date: dateStr.nullable(),
  /** The dispatch day this plan is placed (and costed) on; `null` when it cannot deliver at all. */
  dispatch_date: dateStr.nullable(),
  delivery_date: dateStr.nullable(),
  on_time: z.boolean(),
  from_stock: z.number().int(),
  bought_in: z.number().int(),
  produced: z.array(productionDay),
  overtime_hours: z.string(),
  cost: z.object({ goods: money, overtime: money, shipping: money, total: money }).nullable(),
  revenue: money,
  margin_pct: money.nullable(),
});
export type Plan = z.output<typeof plan>;

export const lineResult = z.object({
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  requested_date: dateStr,
  unit_price: z.string(),
  list_price: z.string(),
  discount_pct: money,
  min_margin_pct: z.string(),
  status: z.enum(STATUSES),
  chosen_plan: z.enum(PLAN_KINDS).nullable(),
  plans: z.array(plan),
  reasons: z.array(reason),
  alternatives: z.array(alternative),
});
export type LineResult = z.output<typeof lineResult>;

export const dataWarning = z.object({ code: z.literal('pool_over_committed'), sku: z.string(), date: dateStr, message: z.string() });
export type DataWarning = z.output<typeof dataWarning>;

export const checkResult = z.object({
  as_of: dateStr,
  data_version: z.string(),
  currency: z.string(),
  customer: z.string(),
  region: z.string(),
  mode: z.enum(MODES),
  status: z.enum(STATUSES),
  lines: z.array(lineResult),
  warnings: z.array(dataWarning),
});
export type CheckResult = z.output<typeof checkResult>;

/** A field-level problem with a request: `path` names the field (`lines[0].sku`). */
export interface RequestIssue {
  path: string;
  message: string;
}
