import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdFromSql, type HoldSqlRow } from '../../../main/db/promise-rows';
import { hold as holdSchema } from '../../../shared/schemas/hold';

/** What the schema alone makes of a row: the hold, or that it throws. */
function bySchema(r: HoldSqlRow): unknown {
  const raw =
    r.type === 'goods'
      ? { type: r.type, line: r.line, sku: r.sku, date: r.date, qty: r.qty, use: r.use }
      : { type: r.type, line: r.line, resource_id: r.resource_id, date: r.date, regular_e4: r.regular_e4, overtime_e4: r.overtime_e4 };
  const p = holdSchema.safeParse(raw);
  return p.success ? p.data : 'throws';
}

const outcome = (r: HoldSqlRow): unknown => {
  try {
    return holdFromSql(r);
  } catch {
    return 'throws';
  }
};

const number = fc.oneof(fc.nat(10_000), fc.integer({ min: -5, max: -1 }), fc.constant(0.5), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant(NaN));
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

describe('hold rows read back', () => {
  it('give exactly what the hold schema gives, row by row (the quick path never accepts more)', () => {
    const row = fc.record({
      promise_id: fc.constant('P-1'),
      line: number,
      type: fc.constantFrom('goods', 'hours', 'other'),
      sku: maybe(fc.constantFrom('FG', 'C1')),
      resource_id: maybe(fc.constantFrom('M8', 'OFF')),
      date: fc.constantFrom('2026-03-02', '2026-3-2', '2026-03-02T00:00', ''),
      qty: maybe(number),
      use: maybe(fc.constantFrom('finished', 'component', 'spare')),
      regular_e4: maybe(number),
      overtime_e4: maybe(number),
    });
    fc.assert(fc.property(row, (r) => {
        expect(outcome(r)).toEqual(bySchema(r));
      }), { numRuns: 2000 });
  });
});
