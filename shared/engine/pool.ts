/**
 * One stock pool per sku: cumulative supply − demand by day, and ATP with look-ahead
 * (`promise-check.md`): ATP(d) = min over t ≥ d of cumulative(t), never below 0. For a `buy`
 * item the look-ahead stops before A + lead time; from that day on any quantity can be bought.
 *
 * Events dated before A count on A. Events after the horizon only matter through the lowest
 * point they bring the cumulative to (`tail`), which is all the look-ahead needs of them.
 *
 * The cumulative is kept as steps, not one number per day: a pool changes on a few dozen days of
 * the horizon (its receipts, orders and holds), and a day array per pool made the model of a plant
 * ten times larger 300 MB, its build and every hold applied walk whole horizons, and a plant's
 * cost grow faster than its size (issue #15, scaling). Same values on every day as before.
 */
import type { Workbook } from '../schemas/workbook';
import { toDay, type DayNumber } from '../units/days';
import type { PackedKind } from './packed-holds';

/** A pool's changing state: the steps of its cumulative, and their look-ahead minima. */
export interface PoolArrays {
  /** First day of each step, increasing; days[0] = 0. A step lasts until the next one starts (or the horizon ends). */
  days: number[];
  /** Cumulative supply − demand at the end of every day of the step (workbook and holds). */
  cum: number[];
  /** For a step starting before `limit`: the least of `cum` from it on before `limit`, and `end` (see `lookAheadEnd`). */
  suf: number[];
}

export interface Pool extends PoolArrays {
  sku: string;
  /** Days 0 … limit − 1 are ATP-limited; from `limit` on the pool is unlimited (bought in), if `buyFrom` is set. */
  limit: number;
  /** Day index from which any quantity can be bought (A + lead time), or null for a made item. */
  buyFrom: number | null;
  /** Lowest cumulative change after the horizon (≤ 0) within the look-ahead; 0 when it does not reach past it. */
  tail: number;
  horizon: number;
}

/**
 * The stock pools of the workbook's products, with `held` (packed goods holds, packed-holds.ts)
 * taken as `applyHoldsTo` takes them: before A on A, past the horizon or of a product the tables
 * do not have, not at all. Each pool's changes (workbook and holds) gathered in one array by
 * counting and merged once: the ×10 plant's 812,000 goods holds merged in a second pass over
 * its 50,000 pools, each change first pushed to a list of its pool in a map, were a tenth of
 * opening its database (issue #15, speed).
 */
export function buildPools(wb: Workbook, asOfDay: DayNumber, H: number, held?: PackedKind): { pools: Pool[]; poolIndex: Map<string, number> } {
  const poolIndex = new Map<string, number>();
  const pools: Pool[] = [];
  for (const p of wb.products) {
    poolIndex.set(p.sku, pools.length);
    const buyFrom = p.supply === 'buy' ? (p.lead_time_days ?? 0) : null;
    pools.push({ sku: p.sku, limit: buyFrom === null ? H : Math.min(buyFrom, H), buyFrom, tail: 0, horizon: H, days: [0], cum: [0], suf: [0] });
  }
  const heldPool = held ? held.keys.map((sku) => poolIndex.get(sku) ?? -1) : [];
  /** Each change: `inHorizon` for those within it, `beyond` for the workbook's after it (the tail). */
  const each = (inHorizon: (k: number, i: number, qty: number) => void, beyond?: (k: number, i: number, qty: number) => void) => {
    const add = (k: number, i: number, qty: number) => (i < H ? inHorizon(k, i, qty) : beyond?.(k, i, qty));
    for (const r of wb.inventory) add(poolIndex.get(r.sku)!, 0, r.on_hand);
    for (const r of wb.receipts) add(poolIndex.get(r.sku)!, Math.max(0, toDay(`${r.date}`) - asOfDay), r.qty);
    for (const o of wb.orders) add(poolIndex.get(o.sku)!, Math.max(0, toDay(o.dispatch_date) - asOfDay), -o.qty);
    if (!held) return;
    for (let e = 0; e < held.n; e++) {
      const k = heldPool[held.key[e]!]!;
      const i = Math.max(0, held.day[e]! - asOfDay);
      if (k >= 0 && i < H) inHorizon(k, i, -held.a[e]!);
    }
  };
  // Pool k's changes are pairs start[k] … start[k + 1] − 1 of `pairs`.
  const start = new Int32Array(pools.length + 1);
  each((k) => start[k + 1]!++);
  for (let k = 0; k < pools.length; k++) start[k + 1]! += start[k]!;
  const at = start.slice(0, pools.length);
  const pairs = new Float64Array(2 * start[pools.length]!);
  const after = new Map<number, number[]>();
  each(
    (k, i, qty) => {
      const e = at[k]!++;
      pairs[2 * e] = i;
      pairs[2 * e + 1] = qty;
    },
    (k, i, qty) => {
      const list = after.get(k);
      if (list) list.push(i, qty);
      else after.set(k, [i, qty]);
    },
  );

  // Merged from a plain list (the one kind of list `applyChanges` is ever given).
  const list: number[] = [];
  pools.forEach((pool, k) => {
    const tail = after.get(k);
    if (tail) {
      const order = orderByDay(tail, tail.length / 2) ?? Array.from({ length: tail.length / 2 }, (_, e) => e);
      const end = pool.buyFrom === null ? Infinity : pool.buyFrom;
      let t = 0;
      let low = 0;
      // A day's changes count together: the lowest point is taken at the end of a day.
      for (let e = 0; e < order.length && tail[2 * order[e]!]! < end; e++) {
        t += tail[2 * order[e]! + 1]!;
        if (e + 1 === order.length || tail[2 * order[e + 1]!] !== tail[2 * order[e]!]) low = Math.min(low, t);
      }
      pool.tail = low;
    }
    const n = start[k + 1]! - start[k]!;
    for (let e = 0; e < 2 * n; e++) list[e] = pairs[2 * start[k]! + e]!;
    applyChanges(pool, pool, list, n);
  });
  return { pools, poolIndex };
}

/** Indices of the first `n` pairs of a flat `day, change` list in order of day (stable); null when already in order. */
function orderByDay(list: readonly number[], n: number): number[] | null {
  let sorted = true;
  for (let k = 2; k < 2 * n && sorted; k += 2) if (list[k]! < list[k - 2]!) sorted = false;
  if (sorted) return null;
  return Array.from({ length: n }, (_, k) => k).sort((x, y) => list[2 * x]! - list[2 * y]!);
}

// The merge is written here first and then copied into the pool's own arrays: a pool's arrays
// live as long as the model, and new ones for every hold (200,000 promises on the ×10 plant)
// were promoted garbage that made the collector walk the whole heap again and again.
const mergedDays: number[] = [];
const mergedCum: number[] = [];

/**
 * Adds each change (the first `n` flat `day, change` pairs of `list`, days within the horizon; a
 * caller may reuse a longer list) to the cumulative from its
 * day on, and works out the look-ahead again: in the pool's own arrays when `into` is the pool,
 * in new arrays put in `into` otherwise (a scratch view's, which may share the pool's arrays).
 * Steps whose value equals the step before are merged, so holds given back leave no trace.
 */
export function applyChanges(pool: Pool, into: PoolArrays, list: readonly number[], n = list.length / 2): void {
  const { days, cum } = into;
  const order = orderByDay(list, n);
  // Pair e in day order starts at list[at(e)] (written out, not as closures: this runs for every
  // promise a replan holds, and a closure made per call cost more than the merge under tsx).
  let size = 0;
  let run = 0;
  let j = 0;
  let e = 0;
  while (j < days.length || e < n) {
    // The next day where either the old steps or the changes start something.
    const day = Math.min(j < days.length ? days[j]! : Infinity, e < n ? list[2 * (order ? order[e]! : e)]! : Infinity);
    let base: number;
    if (j < days.length && days[j] === day) base = cum[j++]!;
    else base = cum[j - 1]!; // a change inside an old step (never before day 0: days[0] = 0)
    while (e < n && list[2 * (order ? order[e]! : e)] === day) run += list[2 * (order ? order[e++]! : e++) + 1]!;
    const value = base + run;
    if (size > 0 && mergedCum[size - 1] === value) continue;
    mergedDays[size] = day;
    mergedCum[size++] = value;
  }
  if (into === pool) {
    copyInto(days, mergedDays, size);
    copyInto(cum, mergedCum, size);
    lookAhead(pool, days, cum, into.suf);
  } else {
    // A scratch view's pool shares the model's arrays until it is first written (view.ts):
    // new arrays of the merged size, made once, rather than a copy that then grows.
    into.days = mergedDays.slice(0, size);
    into.cum = mergedCum.slice(0, size);
    into.suf = mergedCum.slice(0, size);
    lookAhead(pool, into.days, into.cum, into.suf);
  }
}

function copyInto(to: number[], from: readonly number[], size: number): void {
  for (let k = 0; k < size; k++) to[k] = from[k]!;
  if (to.length > size) to.length = size;
}

/** Where the look-ahead ends: the lowest point after the horizon, or Infinity when it stops before. */
export function lookAheadEnd(pool: Pool, cum: readonly number[]): number {
  const reachesPast = pool.buyFrom === null || pool.buyFrom > pool.horizon;
  return reachesPast ? cum[cum.length - 1]! + pool.tail : Infinity;
}

function lookAhead(pool: Pool, days: readonly number[], cum: readonly number[], suf: number[]): void {
  let m = lookAheadEnd(pool, cum);
  for (let j = cum.length - 1; j >= 0; j--) {
    if (days[j]! >= pool.limit) {
      suf[j] = m; // past the limit: never read (atp answers from the limit on)
      continue;
    }
    if (cum[j]! < m) m = cum[j]!;
    suf[j] = m;
  }
  if (suf.length > cum.length) suf.length = cum.length;
}

/** The step day i falls in: the last with days[step] ≤ i. */
export function stepOf(days: readonly number[], i: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cumulative supply − demand at the end of day i. */
export function cumAt(a: PoolArrays, i: number): number {
  return a.cum[stepOf(a.days, i)]!;
}

/** ATP on day i: Infinity where the item can be bought in without limit. */
export function atp(pool: Pool, a: PoolArrays, i: number): number {
  if (i >= pool.limit) return pool.buyFrom !== null ? Infinity : Math.max(0, lookAheadEnd(pool, a.cum));
  return Math.max(0, a.suf[stepOf(a.days, i)]!);
}
