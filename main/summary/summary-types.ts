/**
 * The signed promise summary (`promises.md`, Signed summary), as zod schemas because a summary is
 * read back from files people send us: verify parses it before trusting any field. Types derive
 * from the schemas so the shape is written once.
 */
import { z } from 'zod';
import { PLAN_KINDS, REASON_CODES } from '../../shared/schemas/check';
import { dateStr } from '../../shared/schemas/fields';
import { MODES } from '../../shared/schemas/tables/lanes';
import { ROLES } from '../../shared/rules/roles';

const date = dateStr;
const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const money = z.string().regex(/^-?\d+\.\d{2}$/);
const price = z.string().regex(/^\d+\.\d{4}$/);
const qty = z.number().int().positive();

export const COPIES = ['customer', 'internal'] as const;
export type Copy = (typeof COPIES)[number];

export const summaryDelivery = z.strictObject({ date, qty });

const customerLine = z.strictObject({
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  qty,
  unit_price: price,
  deliveries: z.array(summaryDelivery),
});

const internalLine = customerLine.extend({
  plan: z.enum(PLAN_KINDS),
  cost: z.strictObject({ goods: money, overtime: money, shipping: money, total: money }),
  revenue: money,
  margin_pct: money,
  discount_pct: money,
});

const common = {
  promise_id: z.string().min(1),
  customer: z.string(),
  region: z.string(),
  mode: z.enum(MODES),
  as_of: date,
  data_version: z.string(),
  confirmed_at: time,
  currency: z.string(),
};

export const customerSummary = z.strictObject({ ...common, copy: z.literal('customer'), lines: z.array(customerLine) });
export const internalSummary = z.strictObject({
  ...common,
  copy: z.literal('internal'),
  lines: z.array(internalLine),
  reasons: z.array(z.strictObject({ code: z.enum(REASON_CODES), message: z.string() })),
  approvals: z.array(z.strictObject({ user: z.string(), role: z.enum(ROLES), at: time, comment: z.string().nullable() })),
});
export const summary = z.discriminatedUnion('copy', [customerSummary, internalSummary]);

export type CustomerSummary = z.output<typeof customerSummary>;
export type InternalSummary = z.output<typeof internalSummary>;
export type Summary = z.output<typeof summary>;
export type SummaryLine = CustomerSummary['lines'][number];
export type InternalLine = InternalSummary['lines'][number];

export const signature = z.strictObject({
  signer: z.string().min(1),
  role: z.enum(ROLES),
  signed_at: time,
  public_key: z.string(),
  signature: z.string(),
});
export type Signature = z.output<typeof signature>;

export const signedSummary = z.strictObject({ summary, signatures: z.array(signature).min(1) });
export type SignedSummary = z.output<typeof signedSummary>;
