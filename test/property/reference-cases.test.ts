/**
 * Minimal cases the cross-check found, kept as named tests so that each stays fixed. Every case is
 * a small plant as of Monday 2026-03-02 with one sentence saying which rule of `promise-check.md`
 * it exercises; the engine must agree with the reference IP and the reference placement.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../shared/schemas/check';
import { emptyWorkbook, type Workbook } from '../../shared/schemas/workbook';
import { crossCheck } from '../support/cross-case';
import { loadReferenceSolver, type ReferenceSolver } from '../support/ip-solver';

const AS_OF = '2026-03-02';

/** FG made on M (8 h Mon–Fri, 4 h a unit, 4 h overtime) from component C (no stock, lead time 2: any quantity from Wed 03-04). */
function plant(): Workbook {
  const wb = emptyWorkbook();
  wb.calendars.push({ calendar_id: 'WD8', mon: '8', tue: '8', wed: '8', thu: '8', fri: '8', sat: '0', sun: '0' });
  wb.resources.push({ resource_id: 'M', name: null, calendar_id: 'WD8', cost_per_hour: '30', overtime_hours_per_day: '4', overtime_cost_per_hour: '45' });
  wb.products.push(
    { sku: 'FG', name: null, unit: null, supply: 'make', lead_time_days: 0, purchase_cost: null, list_price: '100', min_margin_pct: null },
    { sku: 'C', name: null, unit: null, supply: 'buy', lead_time_days: 2, purchase_cost: '1', list_price: null, min_margin_pct: null },
  );
  wb.routings.push({ sku: 'FG', resource_id: 'M', hours_per_unit: '4' });
  wb.bom.push({ sku: 'FG', component_sku: 'C', qty_per_unit: 1 });
  wb.lanes.push({ region: 'DE', mode: 'standard', transit_days: 0, dispatch_calendar_id: 'WD8', cost_per_unit: '0', cost_per_shipment: null });
  wb.policy.push({ key: 'horizon_days', value: '30' });
  return wb;
}

const request = (qty: number, requested: string): CheckRequestInput => ({
  customer: 'Reference GmbH',
  region: 'DE',
  lines: [{ sku: 'FG', qty, requested_date: requested, unit_price: '100' }],
});

describe('cases found by the cross-check', () => {
  let solver: ReferenceSolver;
  beforeAll(async () => {
    solver = await loadReferenceSolver();
  });

  it('overtime is used only after regular hours everywhere in the window, also when a component closes its start', () => {
    // 7 by Fri 03-06: regular Wed 2, Thu 2, Fri 2 = 6, so one unit on Friday's overtime (4 h),
    // not Wed 1 and Thu/Fri 3 each (8 h of overtime while Wednesday has 4 regular hours left).
    expect(crossCheck(solver, { label: 'overtime-after-regular', asOf: AS_OF, workbook: plant(), holds: [], request: request(7, '2026-03-06') })).toEqual([]);
  });

  it('a line short of a component that cannot be bought in time gets its reasons (no crash)', () => {
    // 20 by Fri 03-06 exceeds even overtime (3 a day Wed–Fri); the engine must explain, not throw.
    expect(crossCheck(solver, { label: 'component-short-reasons', asOf: AS_OF, workbook: plant(), holds: [], request: request(20, '2026-03-06') })).toEqual([]);
  });
});
