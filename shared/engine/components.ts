/**
 * Components limit production cumulatively: the units a line makes up to day t, times the
 * component's qty per unit, may not exceed the component's ATP(t) — until the component can be
 * bought in (A + its lead time), after which it limits nothing.
 */
import type { ProductInfo } from './plant-model';
import { atp } from './pool';
import type { View } from './view';

/** K[t]: the most units the line may have made by the end of day t (Infinity: no limit). Non-decreasing. Days before `upTo` only, when given. */
export function componentCaps(view: View, product: ProductInfo, out?: Float64Array, upTo = view.model.horizon): Float64Array {
  const caps = (out ?? new Float64Array(view.model.horizon)).fill(Infinity, 0, upTo);
  for (const { pool: p, qty } of product.bom) {
    const pool = view.model.pools[p]!;
    const { days, suf } = view.pool(p);
    const end = Math.min(pool.limit, upTo);
    // Step by step: ATP is the same on every day of a step (before the limit).
    for (let j = 0; j < days.length && days[j]! < end; j++) {
      const k = Math.floor(Math.max(0, suf[j]!) / qty);
      const to = j + 1 < days.length ? Math.min(days[j + 1]!, end) : end;
      for (let t = days[j]!; t < to; t++) if (k < caps[t]!) caps[t] = k;
    }
  }
  return caps;
}

/** The component that limits most at day t, for the reasons. */
export function bindingComponent(view: View, product: ProductInfo, t: number): { sku: string; pool: number; qty: number } | null {
  let best: { sku: string; pool: number; qty: number } | null = null;
  let bestK = Infinity;
  for (const c of product.bom) {
    const pool = view.model.pools[c.pool]!;
    if (t >= pool.limit) continue;
    const k = Math.floor(atp(pool, view.pool(c.pool), t) / c.qty);
    if (k < bestK) [best, bestK] = [c, k];
  }
  return best;
}

/**
 * N[d]: the most units that can be made by the end of day d (forward greedy; optimal because
 * K is non-decreasing). The first `days` days only, when given (each depends on those before it only).
 */
export function cumulativeMax(units: Float64Array, caps: Float64Array | null, out?: Float64Array, days = units.length): Float64Array {
  const N = out ?? new Float64Array(units.length);
  let n = 0;
  for (let d = 0; d < days; d++) {
    n += units[d]!;
    if (caps && caps[d]! < n) n = caps[d]!;
    N[d] = n;
  }
  return N;
}
