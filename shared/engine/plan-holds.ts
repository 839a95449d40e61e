/**
 * What a line's plan takes (`promise-check.md`): finished goods on its dispatch day, hours and
 * components on its production days. Two ways of saying the same thing: `holdsOf` writes them out
 * as holds (what a promise stores), `takePlan` applies them straight to a view.
 *
 * Why both: each line of a check takes what it plans before the next line is planned, and the
 * re-checks behind alternatives plan a request again and again without keeping any hold. Writing
 * holds out (a dated object per component and resource per production day) and reading them back
 * was a third of a 10-line check. `takePlan` gives the view exactly what `applyHoldsTo(holdsOf(…))`
 * gives it (test/property/plan-holds.test.ts).
 */
import { fromDay } from '../units/days';
import type { PlantModel, ProductInfo } from './plant-model';
import type { PlanCalc } from './plans';
import { applyChanges } from './pool';
import type { Hold } from './types';
import type { View } from './view';

/** Finished goods the plan takes from the item's own pool: from stock, and for a bought item what is bought in too. */
function finishedOf(product: ProductInfo, p: PlanCalc): number {
  return product.supply === 'buy' ? p.fromStock + p.boughtIn : p.fromStock;
}

export function holdsOf(m: PlantModel, p: PlanCalc, line: number, sku: string): Hold[] {
  const holds: Hold[] = [];
  const product = m.products.get(sku)!;
  const finished = finishedOf(product, p);
  if (finished > 0 && p.placed !== null) holds.push({ type: 'goods', line, sku, date: fromDay(m.asOfDay + p.placed), qty: finished, use: 'finished' });
  const { routing, days, qty, regular, overtime } = p.production;
  const R = routing.length;
  days.forEach((day, k) => {
    const date = fromDay(m.asOfDay + day);
    for (const c of product.bom) holds.push({ type: 'goods', line, sku: c.sku, date, qty: qty[k]! * c.qty, use: 'component' });
    routing.forEach((s, r) => holds.push({ type: 'hours', line, resource_id: m.resources[s.res]!.id, date, regular_e4: regular[k * R + r]!, overtime_e4: overtime[k * R + r]! }));
  });
  return holds;
}

// A pool's changes (flat day, change pairs), written here for each plan taken and never shrunk:
// this runs for every line of every re-check, and a list, a map and a closure per plan were a
// tenth of what a check allocated.
const list: number[] = [];

/** Adds (sign 1) or gives back (sign −1) what plan `p` of a line for `sku` takes, as `applyHoldsTo` would its holds. */
export function takePlan(view: View, p: PlanCalc, sku: string, sign: 1 | -1): void {
  const m = view.model;
  const H = m.horizon;
  const product = m.products.get(sku)!;
  const finished = finishedOf(product, p);
  // Goods dated before A count on A; nothing beyond the horizon is held. Each pool's changes are
  // applied in one pass (applyChanges); the product's own pool is never one of its components.
  if (finished > 0 && p.placed !== null && p.placed < H) {
    list[0] = Math.max(0, p.placed);
    list[1] = -sign * finished;
    applyChanges(m.pools[product.pool]!, view.mutPool(product.pool), list, 1);
  }
  const { routing, days, qty, regular, overtime } = p.production;
  if (days.length === 0) return;
  for (const c of product.bom) {
    let n = 0;
    for (let k = 0; k < days.length; k++) {
      if (days[k]! >= H) continue;
      list[2 * n] = Math.max(0, days[k]!);
      list[2 * n++ + 1] = -sign * qty[k]! * c.qty;
    }
    if (n > 0) applyChanges(m.pools[c.pool]!, view.mutPool(c.pool), list, n);
  }
  const R = routing.length;
  for (let k = 0; k < days.length; k++) {
    const day = days[k]!;
    if (day < 0 || day >= H) continue; // hours before A are past
    for (let r = 0; r < R; r++) {
      const a = view.mutRes(routing[r]!.res);
      a.regHeld[day]! += sign * regular[k * R + r]!;
      a.otHeld[day]! += sign * overtime[k * R + r]!;
    }
  }
}
