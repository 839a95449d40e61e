import { z } from 'zod';
import { decimal, identifier, required, wholeNumber } from '../fields';

/** Each policy key: how its value is read and the default when the key is missing. */
export const POLICY_KEYS = {
  currency: {
    schema: z.unknown().transform((v, ctx) => {
      if (typeof v === 'string' && /^[A-Z]{3}$/.test(v)) return v;
      ctx.addIssue({ code: 'custom', message: `must be an ISO 4217 code such as EUR or USD, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }),
    default: 'USD',
  },
  default_min_margin_pct: { schema: decimal({ places: 4, signed: true, max: '100' }), default: '15' },
  max_discount_pct: { schema: decimal({ places: 4, max: '100' }), default: '10' },
  horizon_days: { schema: wholeNumber({ positive: true, max: 3660 }), default: 365 },
  hold_days: { schema: wholeNumber({ max: 365 }), default: 3 },
} as const;
export type PolicyKey = keyof typeof POLICY_KEYS;

/** policy.csv: one `key,value` pair a row. The value is checked against its key's schema. */
export const policyRow = z
  .object({ key: required(identifier), value: required(z.unknown().transform((v) => String(v))) })
  .superRefine((row, ctx) => {
    // Own keys only: `__proto__` or `constructor` must not find a prototype's member.
    const spec = Object.hasOwn(POLICY_KEYS, row.key) ? POLICY_KEYS[row.key as PolicyKey] : undefined;
    if (!spec) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `is no policy key (known: ${Object.keys(POLICY_KEYS).join(', ')})` });
      return;
    }
    const r = spec.schema.safeParse(row.value);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['value'], message: i.message });
  });
export type PolicyRow = z.output<typeof policyRow>;

export interface Policy {
  currency: string;
  default_min_margin_pct: string;
  max_discount_pct: string;
  horizon_days: number;
  hold_days: number;
}

/** The policy in force: each key's value from the table, or its default. */
export function resolvePolicy(rows: readonly PolicyRow[]): Policy {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(POLICY_KEYS)) {
    const row = rows.find((r) => r.key === k);
    out[k] = row ? spec.schema.parse(row.value) : spec.default;
  }
  return out as unknown as Policy;
}
