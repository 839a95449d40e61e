/**
 * As-late-as-possible placement of a line's production (`promise-check.md`, step 5): the latest
 * allowed production day is filled to its capacity first, then the day before, and so on, using
 * regular hours everywhere in the window before any overtime. That leaves early capacity free for
 * urgent orders and, since it makes as little as possible early, it respects component limits
 * whenever any schedule does.
 *
 * "Regular hours everywhere before any overtime" is read as: every regular hour that components
 * allow to be used (the most regular hours can make, placed latest first), then overtime from the
 * latest day back. Should that still make too much too early for the components, the plan falls
 * back to plain latest-first filling with regular and overtime pooled per day (regular first
 * within each day): the only order that then delivers what the check promised.
 */
import type { ProductInfo } from './plant-model';
import { freeRegular } from './capacity';
import { cumulativeMax } from './components';
import { lineArray } from './line-arrays';
import type { View } from './view';

/**
 * A plan's production, one entry per production day in day order: `qty[k]` units on day `days[k]`,
 * using `regular[k * R + s]` and `overtime[k * R + s]` hours (e4) on routing step `s` (resource
 * `routing[s].res`), R = `routing.length`.
 *
 * Flat arrays, not an object per day: a 10-line check places a few hundred plans (its re-checks
 * included), and their objects per day and per resource were three fifths of all a check
 * allocated; the young-generation collections they caused landed inside checks (issue #15).
 */
export interface Production {
  routing: readonly { res: number }[];
  days: number[];
  qty: number[];
  regular: number[];
  overtime: number[];
}

export const NO_PRODUCTION: Production = Object.freeze({ routing: [], days: [], qty: [], regular: [], overtime: [] });

/** `into` defaults to a zeroed array of the line's own (line-arrays.ts). */
function latestFirst(units: Float64Array, last: number, qty: number, into: Float64Array = lineArray().fill(0)): Float64Array {
  let rest = qty;
  for (let d = last; d >= 0 && rest > 0; d--) {
    const take = Math.min(units[d]! - into[d]!, rest);
    if (take > 0) {
      into[d]! += take;
      rest -= take;
    }
  }
  return into;
}

function respectsCaps(n: Float64Array, last: number, caps: Float64Array): boolean {
  let sum = 0;
  for (let d = 0; d <= last; d++) {
    sum += n[d]!;
    if (sum > caps[d]!) return false;
  }
  return true;
}

/**
 * Places `qty` units on days 0 … `last`. `regular` and `withOvertime` are units per day (the
 * latter only for overtime plans). The caller has made sure that `qty` can be made.
 */
export function placeProduction(
  view: View,
  product: ProductInfo,
  qty: number,
  last: number,
  regular: Float64Array,
  withOvertime: Float64Array | null,
  caps: Float64Array,
): Production {
  if (qty <= 0 || last < 0) return NO_PRODUCTION;
  // The most that regular hours can make in the window, components allowing. Up to that, plain
  // latest-first filling of regular hours is feasible (it makes the least possible early on).
  const regularMax = cumulativeMax(regular, caps, lineArray(), last + 1)[last]!;
  let n: Float64Array | null;
  if (qty <= regularMax || !withOvertime) n = latestFirst(regular, last, qty);
  else {
    // Regular hours wherever they can be used, then overtime from the latest day back.
    n = latestFirst(withOvertime, last, qty - regularMax, latestFirst(regular, last, regularMax));
    if (!respectsCaps(n, last, caps)) n = latestFirst(withOvertime, last, qty);
  }

  const out: Production = { routing: product.routing, days: [], qty: [], regular: [], overtime: [] };
  for (let d = 0; d <= last; d++) {
    const q = n[d]!;
    if (q <= 0) continue;
    out.days.push(d);
    out.qty.push(q);
    for (const { res, hoursE4 } of product.routing) {
      const used = q * hoursE4;
      const reg = Math.min(used, freeRegular(view, res, d));
      out.regular.push(reg);
      out.overtime.push(used - reg);
    }
  }
  return out;
}
