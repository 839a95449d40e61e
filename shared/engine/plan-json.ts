/**
 * What an answer shows of a plan (`promise-check.md`): in full, with its production days, hours
 * and costs; or only its kind, dates and quantities, for the re-checks behind alternatives.
 */
import type { Plan } from '../schemas/check';
import type { CostE8 } from './cost';
import { fromDay } from '../units/days';
import type { PlantModel } from './plant-model';
import { e4ToString, formatE8, percentString } from '../units/money';
import type { PlanCalc } from './plans';

/** A plan as a full answer shows it: with its production days, hours per resource and costs. */
export function planJson(m: PlantModel, p: PlanCalc, cost: CostE8 | null, revenue: bigint): Plan {
  const { routing, days, qty, regular, overtime } = p.production;
  const R = routing.length;
  let ot = 0;
  for (const h of overtime) ot += h;
  // The dates' fields first, then these in their places: the same keys in the same order.
  return {
    ...planDates(m, p),
    produced: days.map((day, k) => ({
      date: fromDay(m.asOfDay + day),
      qty: qty[k]!,
      resources: routing.map((s, r) => ({ resource_id: m.resources[s.res]!.id, regular_hours: e4ToString(regular[k * R + r]!), overtime_hours: e4ToString(overtime[k * R + r]!) })),
    })),
    overtime_hours: e4ToString(ot),
    cost: cost && { goods: formatE8(cost.goods), overtime: formatE8(cost.overtime), shipping: formatE8(cost.shipping), total: formatE8(cost.total) },
    revenue: formatE8(revenue),
    margin_pct: cost && percentString(revenue - cost.total, revenue),
  };
}

/** A plan's kind, dates and quantities only (`dates` detail): no production days, no costs. */
export function planDates(m: PlantModel, p: PlanCalc): Plan {
  const date = (i: number | null) => (i === null ? null : fromDay(m.asOfDay + i));
  return {
    kind: p.kind,
    mode: p.lane.mode,
    overtime: p.overtime,
    latest_dispatch_date: date(p.latest),
    available_by_requested_date: p.available === Infinity ? null : p.available,
    earliest_delivery_date: p.earliest === null ? null : fromDay(m.asOfDay + p.earliest + p.lane.transit),
    dispatch_date: date(p.placed),
    delivery_date: p.placed === null ? null : fromDay(m.asOfDay + p.placed + p.lane.transit),
    on_time: p.onTime,
    from_stock: p.fromStock,
    bought_in: p.boughtIn,
    produced: [],
    overtime_hours: '0',
    cost: null,
    revenue: '0',
    margin_pct: null,
  };
}
