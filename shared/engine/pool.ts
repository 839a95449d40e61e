/**
 * One stock pool per sku: cumulative supply − demand by day, and ATP with look-ahead
 * (`promise-check.md`): ATP(d) = min over t ≥ d of cumulative(t), never below 0. For a `buy`
 * item the look-ahead stops before A + lead time; from that day on any quantity can be bought.
 *
 * Events dated before A count on A. Events after the horizon only matter through the lowest
 * point they bring the cumulative to (`tail`), which is all the look-ahead needs of them.
 */
import type { Workbook } from '../schemas/workbook';
import { toDay, type DayNumber } from '../units/days';

export interface Pool {
  sku: string;
  /** Days 0 … limit − 1 are ATP-limited; from `limit` on the pool is unlimited (bought in), if `buyFrom` is set. */
  limit: number;
  /** Day index from which any quantity can be bought (A + lead time), or null for a made item. */
  buyFrom: number | null;
  /** Lowest cumulative change after the horizon (≤ 0) within the look-ahead; 0 when it does not reach past it. */
  tail: number;
  /** Cumulative supply − demand at the end of each day (workbook and holds). */
  cum: Float64Array;
  /** suf[i] = min(cum[i … limit − 1], end) where end = cum[H − 1] + tail if the look-ahead reaches past the horizon. */
  suf: Float64Array;
}

export function buildPools(wb: Workbook, asOfDay: DayNumber, H: number): { pools: Pool[]; poolIndex: Map<string, number> } {
  const poolIndex = new Map<string, number>();
  const pools: Pool[] = [];
  // One buffer for every pool's days, each pool a view of its part: tens of thousands of small
  // typed arrays each had their own backing store, which made building and every garbage
  // collection grow with the plant (issue #15, scaling).
  const P = wb.products.length;
  const cumAll = new Float64Array(P * H);
  const sufAll = new Float64Array(P * (H + 1));
  for (const p of wb.products) {
    const k = pools.length;
    poolIndex.set(p.sku, k);
    const buyFrom = p.supply === 'buy' ? (p.lead_time_days ?? 0) : null;
    const cum = cumAll.subarray(k * H, (k + 1) * H);
    const suf = sufAll.subarray(k * (H + 1), (k + 1) * (H + 1));
    pools.push({ sku: p.sku, limit: buyFrom === null ? H : Math.min(buyFrom, H), buyFrom, tail: 0, cum, suf });
  }
  // Each pool's changes by day go into `cum` first, then become its running sum.
  const after = new Map<number, Map<number, number>>();
  const add = (sku: string, date: string, qty: number) => {
    const k = poolIndex.get(sku)!;
    const i = Math.max(0, toDay(date) - asOfDay);
    if (i < H) pools[k]!.cum[i]! += qty;
    else {
      const m = after.get(k) ?? new Map<number, number>();
      m.set(i, (m.get(i) ?? 0) + qty);
      after.set(k, m);
    }
  };
  for (const r of wb.inventory) pools[poolIndex.get(r.sku)!]!.cum[0]! += r.on_hand;
  for (const r of wb.receipts) add(r.sku, `${r.date}`, r.qty);
  for (const o of wb.orders) add(o.sku, o.dispatch_date, -o.qty);

  pools.forEach((pool, k) => {
    const cum = pool.cum;
    for (let i = 1; i < H; i++) cum[i]! += cum[i - 1]!;
    const events = after.has(k) ? [...after.get(k)!].sort((a, b) => a[0] - b[0]) : [];
    const end = pool.buyFrom === null ? Infinity : pool.buyFrom;
    let t = 0;
    let low = 0;
    for (const [day, q] of events) {
      if (day >= end) break;
      t += q;
      low = Math.min(low, t);
    }
    pool.tail = low;
    recomputeSuffix(pool, pool.cum, pool.suf);
  });
  return { pools, poolIndex };
}

/**
 * Recomputes the look-ahead minimum of `cum` into `suf` (O(horizon)). `changedFrom`: `cum` changed
 * only on days from there on, so below it the walk stops where `suf` comes out as it was.
 */
export function recomputeSuffix(pool: Pool, cum: Float64Array, suf: Float64Array, changedFrom = 0): void {
  const H = cum.length;
  const reachesPast = pool.buyFrom === null || pool.buyFrom > H;
  let m = reachesPast && H > 0 ? cum[H - 1]! + pool.tail : Infinity;
  suf[pool.limit] = m;
  for (let i = pool.limit - 1; i >= 0; i--) {
    const c = cum[i]!;
    if (c < m) m = c;
    if (i < changedFrom && suf[i] === m) return;
    suf[i] = m;
  }
}

/** ATP on day i: Infinity where the item can be bought in without limit. */
export function atp(pool: Pool, suf: Float64Array, i: number): number {
  if (i >= pool.limit) return pool.buyFrom !== null ? Infinity : Math.max(0, suf[pool.limit]!);
  return Math.max(0, suf[i]!);
}
