import { describe, expect, it } from 'vitest';
import { buildSummary, fixedDecimal, isoUtc } from '../../../main/summary/build-summary';
import { summary as summarySchema } from '../../../main/summary/summary-types';
import { samplePromise } from './signing-fixture';

describe('building a summary', () => {
  it('the customer copy has exactly the customer fields', () => {
    const s = buildSummary(samplePromise(), 'customer');
    expect(Object.keys(s).sort()).toEqual(['as_of', 'confirmed_at', 'copy', 'currency', 'customer', 'data_version', 'lines', 'mode', 'promise_id', 'region']);
    expect(s.lines[0]).toEqual({
      sku: 'PUMP-100', name: 'Centrifugal pump 100 l/min', unit: 'pcs', qty: 500, unit_price: '12.4000',
      deliveries: [{ date: '2026-12-14', qty: 500 }],
    });
    const text = JSON.stringify(s);
    for (const hidden of ['cost', 'margin', 'revenue', 'discount', 'reason', 'approval', 'shift lead', 'plan']) expect(text).not.toContain(hidden);
    expect(summarySchema.parse(s)).toEqual(s);
  });

  it('the internal copy adds plan, cost, margin, discount, reasons and approvals', () => {
    const s = buildSummary(samplePromise(), 'internal');
    expect(s.copy).toBe('internal');
    expect(s.lines[1]).toEqual({
      sku: 'VALVE-20', name: 'Check valve DN20', unit: 'pcs', qty: 1200, unit_price: '3.1250',
      // The chosen plan's delivery (overtime), not the regular plan's.
      deliveries: [{ date: '2026-12-10', qty: 1200 }],
      plan: 'overtime',
      cost: { goods: '2900.00', overtime: '412.50', shipping: '300.00', total: '3612.50' },
      revenue: '3750.00', margin_pct: '3.67', discount_pct: '10.71',
    });
    expect(s.reasons.map((r) => r.code)).toEqual(['needs_overtime', 'margin_below_floor', 'discount_above_limit']);
    expect(s.reasons[0]).toEqual({ code: 'needs_overtime', message: 'Line A needs 16.5 overtime hours on 3 Dec and 4 Dec' });
    expect(s.approvals).toEqual([
      { user: 'Otto Ops', role: 'operations', at: '2026-11-22T09:00:00Z', comment: 'Overtime agreed with the shift lead' },
      { user: 'Maria Keller', role: 'manager', at: '2026-11-22T09:31:12Z', comment: null },
    ]);
    expect(summarySchema.parse(s)).toEqual(s);
  });

  it('writes times in UTC to the second and dates as YYYY-MM-DD', () => {
    const s = buildSummary(samplePromise({ confirmedAt: new Date('2026-11-22T10:31:12.999+01:00') }), 'customer');
    expect(s.confirmed_at).toBe('2026-11-22T09:31:12Z');
    expect(s.as_of).toBe('2026-11-22');
    expect(isoUtc('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00Z');
  });

  it('pads decimals but never rounds them', () => {
    expect(fixedDecimal('12.4', 4)).toBe('12.4000');
    expect(fixedDecimal('7', 2)).toBe('7.00');
    expect(fixedDecimal('-3.5', 2)).toBe('-3.50');
    expect(() => fixedDecimal('1.005', 2)).toThrow(/decimals/);
  });

  it('refuses a line without a plan that delivers', () => {
    const p = samplePromise();
    p.result.lines[0]!.chosen_plan = null;
    expect(() => buildSummary(p, 'customer')).toThrow(/line 1 \(PUMP-100\) has no chosen plan/);
  });
});
