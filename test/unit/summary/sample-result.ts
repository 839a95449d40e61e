/** A hand-made check result of two lines (one on overtime) to build summaries from. */
import type { CheckResult, Plan } from '../../../shared/schemas/check';

function plan(p: Partial<Plan> & Pick<Plan, 'kind' | 'dispatch_date' | 'delivery_date'>): Plan {
  return {
    mode: 'standard',
    overtime: false,
    latest_dispatch_date: p.dispatch_date,
    available_by_requested_date: 100,
    earliest_delivery_date: p.delivery_date,
    on_time: true,
    from_stock: 0,
    bought_in: 0,
    produced: [],
    overtime_hours: '0',
    cost: { goods: '4100.00', overtime: '0.00', shipping: '650.00', total: '4750.00' },
    revenue: '6200.00',
    margin_pct: '23.39',
    ...p,
  };
}

export function sampleResult(): CheckResult {
  return {
    as_of: '2026-11-22',
    data_version: 'v7-3f2a',
    currency: 'EUR',
    customer: 'Acme GmbH – Zweigwerk Öhringen',
    region: 'DE',
    mode: 'standard',
    status: 'needs_approval',
    warnings: [],
    lines: [
      {
        sku: 'PUMP-100',
        name: 'Centrifugal pump 100 l/min',
        unit: 'pcs',
        qty: 500,
        requested_date: '2026-12-15',
        unit_price: '12.4',
        list_price: '13',
        discount_pct: '4.62',
        min_margin_pct: '15',
        status: 'ok',
        chosen_plan: 'regular',
        plans: [plan({ kind: 'regular', dispatch_date: '2026-12-11', delivery_date: '2026-12-14' })],
        reasons: [],
        alternatives: [],
      },
      {
        sku: 'VALVE-20',
        name: 'Check valve DN20',
        unit: 'pcs',
        qty: 1200,
        requested_date: '2026-12-10',
        unit_price: '3.125',
        list_price: '3.5',
        discount_pct: '10.71',
        min_margin_pct: '15',
        status: 'needs_approval',
        chosen_plan: 'overtime',
        plans: [
          plan({ kind: 'regular', dispatch_date: '2026-12-09', delivery_date: '2026-12-12', on_time: false, cost: { goods: '2900.00', overtime: '0.00', shipping: '300.00', total: '3200.00' }, revenue: '3750.00', margin_pct: '14.67' }),
          plan({ kind: 'overtime', overtime: true, dispatch_date: '2026-12-07', delivery_date: '2026-12-10', cost: { goods: '2900.00', overtime: '412.50', shipping: '300.00', total: '3612.50' }, revenue: '3750.00', margin_pct: '3.67' }),
        ],
        reasons: [
          { code: 'needs_overtime', message: 'Line A needs 16.5 overtime hours on 3 Dec and 4 Dec' },
          { code: 'margin_below_floor', message: 'Margin 3.67% is below the floor of 15%' },
          { code: 'discount_above_limit', message: 'Discount 10.71% is above the limit of 10%' },
        ],
        alternatives: [],
      },
    ],
  };
}
