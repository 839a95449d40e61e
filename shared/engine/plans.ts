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
  /** The arrays hold days 0 … days − 1: the horizon, or fewer for a lazy supply (`throughHorizon`). */
  days: number;
}

/**
 * A lazy supply (replanning's verdict, which stops at the first plan on time, usually the regular
 * one) leaves the overtime arrays to the first overtime plan (`withOvertimeSupply`) and works the
 * arrays out only up to `lazyDays` (the requested day: a plan on time reads no later day), the rest
 * when a plan reads it (`throughHorizon`). The same values, worked out only when read: replanning
 * 20,000 promises spent a third of its time on days after their requested dates (issue #15, speed).
 */
export function lineSupply(view: View, product: ProductInfo, overtime: boolean, lazyDays?: number): LineSupply {
  const H = view.model.horizon;
  if (product.supply === 'buy') {
    const zero = lineArray().fill(0);
    return { product, regular: zero, withOvertime: overtime ? zero : null, caps: zero, made: zero, madeOvertime: overtime ? zero : null, days: H };
  }
  // The line's own arrays (line-arrays.ts): they live as long as the line's check.
  const lazy = lazyDays !== undefined;
  const withOvertime = overtime && !lazy ? lineArray() : null;
  const days = lazy ? Math.max(0, Math.min(H, lazyDays)) : H;
  const s = { product, regular: lineArray(), withOvertime, caps: lineArray(), made: lineArray(), madeOvertime: withOvertime && lineArray(), days };
  workOut(view, s);
  return s;
}

/** Works out the supply's arrays for its days (from what the view holds now). */
function workOut(view: View, s: LineSupply): void {
  if (s.withOvertime) dailyUnitsBoth(view, s.product, s.regular, s.withOvertime, s.days);
  else dailyUnits(view, s.product, false, s.regular, s.days);
  componentCaps(view, s.product, s.caps, s.days);
  cumulativeMax(s.regular, s.caps, s.made, s.days);
  if (s.withOvertime) cumulativeMax(s.withOvertime, s.caps, s.madeOvertime!, s.days);
}

/** Fills in the overtime arrays a lazy `lineSupply` left out (made products only). */
function withOvertimeSupply(view: View, s: LineSupply): void {
  if (s.withOvertime) return;
  s.withOvertime = dailyUnits(view, s.product, true, lineArray(), s.days);
  s.madeOvertime = cumulativeMax(s.withOvertime, s.caps, lineArray(), s.days);
}

/** Works a lazy supply's arrays out for the whole horizon, before a plan reads past its days. */
function throughHorizon(view: View, s: LineSupply): void {
  if (s.days === view.model.horizon) return;
  s.days = view.model.horizon;
  workOut(view, s);
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
  // Read: made up to latest − lead time; placed on time, production up to the same day.
  if (latest !== null && latest >= s.days) throughHorizon(view, s);
  const available = latest === null ? 0 : dispatchable(view, s, latest, overtime);
  const onTime = available >= qty;
  let earliest: number | null = null;
  const searched = earliestWhenOnTime || !onTime;
  if (searched) throughHorizon(view, s);
  // An on-time plan is placed on its latest day: the search is for what an answer shows of it.
  for (let i = 0; i < model.horizon && searched; i++) {
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
