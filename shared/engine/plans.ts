/**
 * One plan of one line: where it dispatches, how much it can deliver by the requested date R,
 * its earliest delivery, how it is placed (finished goods first, then production as late as
 * possible) and what it costs.
 */
import { cumulativeMax, componentCaps } from './components';
import { dailyUnits, dailyUnitsBoth } from './capacity';
import type { Lane, PlantModel, ProductInfo } from './plant-model';
import { lineArray } from './line-arrays';
import { NO_PRODUCTION, placeProduction, type Production } from './placement';
import { atp, cumAt } from './pool';
import type { View } from './view';

/** Everything about a line's supply that does not depend on the lane. */
export interface LineSupply {
  product: ProductInfo;
  regular: Float64Array;
  withOvertime: Float64Array | null;
  caps: Float64Array;
  /** Most units made by the end of day d, regular only / with overtime. */
  made: Float64Array;
  madeOvertime: Float64Array | null;
}

/**
 * `lazyOvertime` (replanning's verdict, which stops at the first plan on time, usually the regular
 * one) leaves the overtime arrays to the first overtime plan (`withOvertimeSupply`): the same
 * values, worked out only when a plan reads them.
 */
export function lineSupply(view: View, product: ProductInfo, overtime: boolean, lazyOvertime = false): LineSupply {
  if (product.supply === 'buy') {
    const zero = lineArray().fill(0);
    return { product, regular: zero, withOvertime: overtime ? zero : null, caps: zero, made: zero, madeOvertime: overtime ? zero : null };
  }
  // The line's own arrays (line-arrays.ts): they live as long as the line's check.
  const regular = lineArray();
  const withOvertime = overtime && !lazyOvertime ? lineArray() : null;
  if (withOvertime) dailyUnitsBoth(view, product, regular, withOvertime);
  else dailyUnits(view, product, false, regular);
  const caps = componentCaps(view, product, lineArray());
  return {
    product,
    regular,
    withOvertime,
    caps,
    made: cumulativeMax(regular, caps, lineArray()),
    madeOvertime: withOvertime && cumulativeMax(withOvertime, caps, lineArray()),
  };
}

/** Fills in the overtime arrays a lazy `lineSupply` left out (made products only). */
function withOvertimeSupply(view: View, s: LineSupply): void {
  if (s.withOvertime) return;
  s.withOvertime = dailyUnits(view, s.product, true, lineArray());
  s.madeOvertime = cumulativeMax(s.withOvertime, s.caps, lineArray());
}

/** Finished goods the pool can give for dispatch on day i (Infinity: bought in without limit). */
export function finishedAtp(view: View, product: ProductInfo, i: number): number {
  return atp(view.model.pools[product.pool]!, view.pool(product.pool), i);
}

/** Units that can be dispatched on day i: finished goods plus what can be made by i − lead time. */
export function dispatchable(view: View, s: LineSupply, i: number, overtime: boolean): number {
  const stock = finishedAtp(view, s.product, i);
  const last = i - s.product.leadTime;
  if (s.product.supply === 'buy' || last < 0) return stock;
  return stock + (overtime ? s.madeOvertime! : s.made)[last]!;
}

export interface PlanCalc {
  kind: 'regular' | 'overtime' | 'express' | 'express_overtime';
  lane: Lane;
  overtime: boolean;
  /** Latest dispatch day for R (index), or null when none on or after A. */
  latest: number | null;
  /** Units deliverable by R; Infinity = unlimited. */
  available: number;
  /**
   * Earliest dispatch day (index) for the full quantity, or null within the horizon. Not searched
   * for a plan on time when the caller says it reads no such date (a replan's verdict): null then.
   */
  earliest: number | null;
  /** The day the plan is placed on: `latest` when on time, else `earliest`. */
  placed: number | null;
  onTime: boolean;
  fromStock: number;
  boughtIn: number;
  production: Production;
}

export function latestDispatch(model: PlantModel, lane: Lane, requestedIndex: number): number | null {
  for (let i = Math.min(model.horizon - 1, requestedIndex - lane.transit); i >= 0; i--) if (lane.open[i]) return i;
  return null;
}

export function computePlan(
  view: View,
  s: LineSupply,
  kind: PlanCalc['kind'],
  lane: Lane,
  overtime: boolean,
  qty: number,
  requestedIndex: number,
  earliestWhenOnTime = true,
): PlanCalc {
  const { model } = view;
  if (overtime) withOvertimeSupply(view, s);
  const latest = latestDispatch(model, lane, requestedIndex);
  const available = latest === null ? 0 : dispatchable(view, s, latest, overtime);
  const onTime = available >= qty;
  let earliest: number | null = null;
  // An on-time plan is placed on its latest day: the search is for what an answer shows of it.
  for (let i = 0; i < model.horizon && (earliestWhenOnTime || !onTime); i++) {
    if (lane.open[i] && dispatchable(view, s, i, overtime) >= qty) {
      earliest = i;
      break;
    }
  }
  const placed = onTime ? latest : earliest;
  const plan: PlanCalc = { kind, lane, overtime, latest, available, earliest, placed, onTime, fromStock: 0, boughtIn: 0, production: NO_PRODUCTION };
  if (placed === null) return plan;

  const stock = finishedAtp(view, s.product, placed);
  if (s.product.supply === 'buy') {
    const pool = model.pools[s.product.pool]!;
    const onHand = placed < pool.limit ? qty : Math.max(0, Math.min(qty, cumAt(view.pool(s.product.pool), placed)));
    plan.fromStock = onHand;
    plan.boughtIn = qty - onHand;
    return plan;
  }
  plan.fromStock = Math.min(qty, stock);
  plan.production = placeProduction(view, s.product, qty - plan.fromStock, placed - s.product.leadTime, s.regular, overtime ? s.withOvertime : null, s.caps);
  return plan;
}
