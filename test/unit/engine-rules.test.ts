/**
 * Hand-computed cases for rules the worked examples leave out. Each says in a sentence what it
 * shows; the arithmetic is in the comments.
 */
import { describe, expect, it } from 'vitest';
import { addHolds, buildModel, dispatchDatesOf, releaseHolds, revalidatePromises, runCheck, validateRequest, type PlantModel } from '../../shared/engine';
import type { CheckResult } from '../../shared/schemas/check';
import { AS_OF, line, plant, request } from '../support/plant';

function check(model: PlantModel, req: unknown): CheckResult & { holds: ReturnType<typeof runCheck>['holds'] } {
  const v = validateRequest(model, req);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const { result, holds } = runCheck(model, v.value);
  return { ...result, holds };
}

describe('stock pools', () => {
  it('looks ahead past the horizon: an order after the horizon protects its stock', () => {
    // Horizon 10 days (to 03-11); FG 10 on hand, an order of 8 on 03-20; FG cannot be made (OFF).
    // ATP(03-04) = min(10, 10 − 8) = 2.
    const wb = plant({
      policy: 'key,value\nhorizon_days,10',
      inventory: 'sku,on_hand\nFG,10',
      orders: 'order_id,sku,dispatch_date,qty\nSO-9,FG,2026-03-20,8',
      routings: 'sku,resource_id,hours_per_unit\nFG,OFF,1',
    });
    const r = check(buildModel(wb, { asOf: AS_OF, dataVersion: 't' }), request(line('FG', 5, '2026-03-04')));
    expect(r.lines[0]!.plans[0]!.available_by_requested_date).toBe(2);
    expect(r.lines[0]!.plans[0]!.earliest_delivery_date).toBeNull();
    expect(r.lines[0]!.reasons.map((x) => x.code)).toContain('beyond_horizon');
  });

  it('warns about an over-committed pool and gives it ATP 0', () => {
    // C1 (sold at 2) has 5 on hand and an order of 8 on 03-03: short by 3 from 03-03 until bought in on 04-01.
    const wb = plant({
      products: 'sku,name,unit,supply,lead_time_days,purchase_cost,list_price,min_margin_pct\nFG,Finished,,make,0,,100,\nC1,Component,,buy,30,1.25,2,',
      inventory: 'sku,on_hand\nC1,5',
      orders: 'order_id,sku,dispatch_date,qty\nSO-1,C1,2026-03-03,8',
    });
    const r = check(buildModel(wb, { asOf: AS_OF, dataVersion: 't' }), request(line('C1', 1, '2026-03-02', '2')));
    expect(r.lines[0]!.plans[0]!.available_by_requested_date).toBe(0);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'pool_over_committed', sku: 'C1', date: '2026-03-03' })]);
    expect(r.lines[0]!.plans[0]!.earliest_delivery_date).toBe('2026-04-01');
  });

  it('a bought item past its lead time is unlimited and its promise does not touch earlier ATP', () => {
    // C1 sold at 2, lead time 30: 10 on hand. A promise of 500 for 04-06 is bought in; ATP(03-02) stays 10.
    const wb = plant({
      products: 'sku,name,unit,supply,lead_time_days,purchase_cost,list_price,min_margin_pct\nFG,Finished,,make,0,,100,\nC1,Component,,buy,30,1.25,2,',
      inventory: 'sku,on_hand\nC1,10',
    });
    const model = buildModel(wb, { asOf: AS_OF, dataVersion: 't' });
    const big = check(model, request(line('C1', 500, '2026-04-06', '2')));
    expect(big.lines[0]!.plans[0]!.available_by_requested_date).toBeNull();
    expect(big.lines[0]!.plans[0]!.bought_in).toBe(490);
    addHolds(model, big.holds);
    expect(check(model, request(line('C1', 10, '2026-03-02', '2'))).lines[0]!.plans[0]!.available_by_requested_date).toBe(10);
  });
});

describe('holds', () => {
  it('releasing a promise gives back exactly what it held', () => {
    const model = buildModel(plant({ resources: 'resource_id,name,calendar_id,cost_per_hour,overtime_hours_per_day,overtime_cost_per_hour\nM8,M8,WD8,30,2,45' }), { asOf: AS_OF, dataVersion: 't' });
    const probe = request(line('FG', 30, '2026-03-09'));
    const before = check(model, probe);
    const promise = check(model, request(line('FG', 22, '2026-03-06', '150')));
    expect(promise.lines[0]!.chosen_plan).toBe('overtime'); // 4 a day regular = 20; 5 with overtime; 22 needs it
    addHolds(model, promise.holds);
    expect(check(model, probe).lines[0]!.plans[0]!.available_by_requested_date).toBeLessThan(before.lines[0]!.plans[0]!.available_by_requested_date!);
    releaseHolds(model, promise.holds);
    expect(check(model, probe)).toEqual(before);
  });

  it('many small holds and releases add up exactly (no drift)', () => {
    // 0.0001 h routings held 10,000 times make exactly 1 h; released, exactly 0.
    const wb = plant({ routings: 'sku,resource_id,hours_per_unit\nFG,M8,0.0001' });
    const model = buildModel(wb, { asOf: AS_OF, dataVersion: 't' });
    const one = check(model, request(line('FG', 1, '2026-03-02'))).holds;
    for (let i = 0; i < 10_000; i++) addHolds(model, one);
    expect(model.resources[0]!.regHeld[0]).toBe(10_000);
    for (let i = 0; i < 10_000; i++) releaseHolds(model, one);
    expect(model.resources[0]!.regHeld[0]).toBe(0);
  });
});

describe('placement', () => {
  it('keeps component limits when overtime is needed early (falls back to latest-first)', () => {
    // FG: 2 h on M8 (4 a day, 8 with 8 h overtime), 1 C1 each. C1: none on hand, 8 arrive Fri 03-06
    // (bought in only after 30 days). 8 by Fri can only be made on Fri: 4 regular, 8 with overtime.
    // Regular-first would put 4 on Thu, before the components arrive; the plan makes all 8 on Fri.
    const wb = plant({
      resources: 'resource_id,name,calendar_id,cost_per_hour,overtime_hours_per_day,overtime_cost_per_hour\nM8,M8,WD8,30,8,45',
      bom: 'sku,component_sku,qty_per_unit\nFG,C1,1',
      receipts: 'sku,date,qty\nC1,2026-03-06,8',
    });
    const model = buildModel(wb, { asOf: AS_OF, dataVersion: 't' });
    const r = check(model, request(line('FG', 8, '2026-03-06', '150')));
    const ot = r.lines[0]!.plans.find((p) => p.kind === 'overtime')!;
    expect(r.lines[0]!.plans[0]!.available_by_requested_date).toBe(4);
    expect(ot.available_by_requested_date).toBe(8);
    expect(r.lines[0]!.chosen_plan).toBe('overtime');
    expect(ot.produced.map((d) => [d.date, d.qty, d.resources[0]!.regular_hours, d.resources[0]!.overtime_hours])).toEqual([['2026-03-06', 8, '8', '8']]);
    expect(ot.cost).toEqual({ goods: '250.00', overtime: '360.00', shipping: '0.00', total: '610.00' }); // 8 h × 30 + 8 × 1.25; 8 h × 45
  });
});

describe('revalidation', () => {
  const wb = plant();
  const promiseA = request(line('FG', 8, '2026-03-06'));
  const promiseB = request(line('FG', 8, '2026-03-06'));
  function confirmed() {
    const model = buildModel(wb, { asOf: AS_OF, dataVersion: 'v1' });
    return [promiseA, promiseB].map((req, i) => {
      const v = validateRequest(model, req);
      if (!v.ok) throw new Error('bad');
      const { result, holds } = runCheck(model, v.value);
      addHolds(model, holds);
      return { id: `P-${i + 1}`, request: v.value, covered: [], holds, dispatchDates: dispatchDatesOf(result) };
    });
  }

  it('a capacity cut breaks exactly the later of two promises', () => {
    // M8 closed Mon–Wed: 8 units by Fri (Thu, Fri). A (first) still fits; B does not.
    const cut = plant({ calendar_exceptions: 'calendar_id,date_from,date_to,hours,note\nWD8,2026-03-02,2026-03-04,0,Repair' });
    const { outcomes } = revalidatePromises(cut, { asOf: AS_OF, dataVersion: 'v2' }, confirmed());
    expect(outcomes.map((o) => o.atRisk)).toEqual([false, true]);
    expect(outcomes[1]!.reasons[0]).toMatchObject({ code: 'capacity_short' });
    expect(outcomes[1]!.reasons[0]!.message).toContain('M8');
    expect(outcomes[1]!.holds.length).toBeGreaterThan(0); // holds its regular plan at its earliest date
  });

  it('a stock increase breaks none', () => {
    const more = plant({ inventory: 'sku,on_hand\nFG,5' });
    const { outcomes } = revalidatePromises(more, { asOf: AS_OF, dataVersion: 'v2' }, confirmed());
    expect(outcomes.map((o) => o.atRisk)).toEqual([false, false]);
  });

  it('a promise whose dispatch dates have all passed keeps its holds and is not checked again', () => {
    const { outcomes } = revalidatePromises(wb, { asOf: '2026-03-09', dataVersion: 'v2' }, confirmed());
    expect(outcomes.map((o) => o.rechecked)).toEqual([false, false]);
  });
});

describe('request errors name the field', () => {
  const model = buildModel(plant(), { asOf: AS_OF, dataVersion: 't' });
  const cases: [unknown, string][] = [
    [{ ...request(line('FG', 1, '2026-03-03')), colour: 'red' }, 'request'],
    [request(line('FG', 2.5, '2026-03-03')), 'lines[0].qty'],
    [request(line('FG', 1, '2026-03-03', '9.12345')), 'lines[0].unit_price'],
    [request(line('FG', 1, '2026-02-30')), 'lines[0].requested_date'],
    [request(line('FG', 1, '2026-03-01')), 'lines[0].requested_date'],
    [request(line('C1', 1, '2026-03-03')), 'lines[0].sku'],
    [{ ...request(line('FG', 1, '2026-03-03')), region: 'FR' }, 'region'],
    [{ ...request(line('FG', 1, '2026-03-03')), mode: 'express' }, 'mode'],
    [{ ...request(line('FG', 1, '2026-03-03')), mode: 'air' }, 'mode'],
    [{ ...request(line('FG', 1, '2026-03-03')), customer: 7 }, 'customer'],
    [{ ...request(line('FG', 1, '2026-03-03')), customer: 'x'.repeat(201) }, 'customer'],
    [{ region: 'DE', lines: [] }, 'lines'],
  ];
  it('a check alone may leave the customer out or empty (promise-check.md); only recording one needs it', () => {
    for (const customer of [undefined, '', ' ']) {
      const v = validateRequest(model, { ...request(line('FG', 1, '2026-03-03')), customer });
      expect(v.ok && v.value.customer).toBe('');
    }
  });
  it.each(cases)('%j → %s', (req, path) => {
    const v = validateRequest(model, req);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.map((i) => i.path)).toContain(path);
  });
});
