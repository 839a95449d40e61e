/**
 * The in-memory plant: per-day free capacity per resource and cumulative supply − demand per
 * stock pool, over the horizon A … A + horizon_days − 1. Built once per (data version, as-of day)
 * and then updated incrementally as promises hold and release, never rebuilt for a check.
 *
 * Day index i is the date A + i. Hours are integers of 1/10,000 h; quantities are whole units.
 */
import { resolvePolicy } from '../schemas/tables/policy';
import type { Workbook } from '../schemas/workbook';
import { calendarHours } from './calendar';
import { toDay } from '../units/days';
import { toE4 } from '../units/money';
import { buildPools } from './pool';
import { laneKey, type Lane, type PlantModel, type ProductInfo, type ResourceState } from './plant-model';
import type { Hold } from './types';
import { takePackedHours, type PackedHolds } from './packed-holds';
import { applyHoldsTo, baseView } from './view';

/**
 * The model of the tables as of `asOf`, with `holds` taken, or `packed` (every open hold, packed:
 * packed-holds.ts), taken as the resources and pools are built.
 */
export function buildModel(wb: Workbook, opts: { asOf: string; dataVersion: string; holds?: Iterable<Hold>; packed?: PackedHolds }): PlantModel {
  const policy = resolvePolicy(wb.policy);
  const asOfDay = toDay(opts.asOf);
  const H = policy.horizon_days;
  const hoursOf = calendarHours(wb, asOfDay, H);

  const resourceIndex = new Map<string, number>();
  const resources: ResourceState[] = wb.resources.map((r, i) => {
    resourceIndex.set(r.resource_id, i);
    const cph = toE4(r.cost_per_hour);
    return {
      id: r.resource_id,
      name: r.name ?? r.resource_id,
      costPerHourE4: cph,
      otCostPerHourE4: r.overtime_cost_per_hour === null ? cph : toE4(r.overtime_cost_per_hour),
      otPerDayE4: r.overtime_hours_per_day === null ? 0 : toE4(r.overtime_hours_per_day),
      cap: hoursOf(r.calendar_id),
      load: new Float64Array(H),
      regHeld: new Float64Array(H),
      otHeld: new Float64Array(H),
    };
  });
  for (const l of wb.resource_load) {
    const i = toDay(l.date) - asOfDay;
    if (i >= 0 && i < H) resources[resourceIndex.get(l.resource_id)!]!.load[i]! += toE4(l.hours);
  }

  if (opts.packed) takePackedHours(opts.packed.hours, resources, resourceIndex, asOfDay, H);

  const { pools, poolIndex } = buildPools(wb, asOfDay, H, opts.packed?.goods);
  const routingOf = groupBy(wb.routings, (r) => r.sku);
  const bomOf = groupBy(wb.bom, (b) => b.sku);
  const products = new Map<string, ProductInfo>();
  for (const p of wb.products) {
    products.set(p.sku, {
      sku: p.sku,
      name: p.name ?? p.sku,
      unit: p.unit ?? 'pcs',
      supply: p.supply,
      leadTime: p.lead_time_days ?? 0,
      purchaseCostE4: p.purchase_cost === null ? 0 : toE4(p.purchase_cost),
      listPrice: p.list_price,
      minMarginPct: p.min_margin_pct ?? policy.default_min_margin_pct,
      routing: (routingOf.get(p.sku) ?? []).map((r) => ({ res: resourceIndex.get(r.resource_id)!, hoursE4: toE4(r.hours_per_unit) })),
      bom: (bomOf.get(p.sku) ?? []).map((b) => ({ pool: poolIndex.get(b.component_sku)!, sku: b.component_sku, qty: b.qty_per_unit })),
      pool: poolIndex.get(p.sku)!,
    });
  }

  const lanes = new Map<string, Lane>();
  for (const l of wb.lanes) {
    const hours = hoursOf(l.dispatch_calendar_id);
    lanes.set(laneKey(l.region, l.mode), {
      region: l.region,
      mode: l.mode,
      transit: l.transit_days,
      calendarId: l.dispatch_calendar_id,
      open: Uint8Array.from(hours, (h) => (h > 0 ? 1 : 0)),
      costPerUnitE4: toE4(l.cost_per_unit),
      costPerShipmentE4: l.cost_per_shipment === null ? 0 : toE4(l.cost_per_shipment),
    });
  }

  const model: PlantModel = { asOf: opts.asOf, asOfDay, horizon: H, dataVersion: opts.dataVersion, policy, products, resources, resourceIndex, pools, poolIndex, lanes };
  if (opts.holds) addHolds(model, opts.holds);
  return model;
}

/** Takes what a promise holds from the plant (confirm, submit). */
export function addHolds(model: PlantModel, holds: Iterable<Hold>): void {
  applyHoldsTo(baseView(model), holds, 1);
}

/** Gives back exactly what `addHolds` took (cancel, fulfil, reject, expire). */
export function releaseHolds(model: PlantModel, holds: Iterable<Hold>): void {
  applyHoldsTo(baseView(model), holds, -1);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
