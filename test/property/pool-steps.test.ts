/**
 * The stock pools keep their cumulative as steps (pool.ts), not one number per day. Held against
 * the definition written out day by day (`promise-check.md`): cumulative(t) = supply − demand up
 * to t (events before A on A), ATP(d) = min over d ≤ t < limit of cumulative(t) and, when the
 * look-ahead reaches past the horizon, the lowest point the events after it bring the cumulative
 * to; never below 0; Infinity from A + lead time on for a bought item. After workbook events,
 * holds added and some given back, every day of every pool must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHolds, buildModel, releaseHolds, type Hold } from '../../shared/engine';
import { atp, cumAt } from '../../shared/engine/pool';
import { emptyWorkbook } from '../../shared/schemas/workbook';
import { dayNumber, shiftDate } from '../support/dates';

const AS_OF = '2026-03-02';
const H = 40;

interface Event {
  day: number;
  qty: number;
}
const event = (from: number, to: number) => fc.record({ day: fc.integer({ min: from, max: to }), qty: fc.integer({ min: -60, max: 60 }) });
const poolDraw = fc.record({
  buy: fc.option(fc.integer({ min: 0, max: H + 10 }), { nil: null }),
  onHand: fc.option(fc.nat({ max: 80 }), { nil: null }),
  events: fc.array(event(-5, H + 20), { maxLength: 10 }),
  holds: fc.array(fc.record({ day: fc.integer({ min: -3, max: H + 3 }), qty: fc.integer({ min: 1, max: 40 }) }), { maxLength: 12 }),
  released: fc.array(fc.nat(), { maxLength: 4 }),
});

/** The definition, one day at a time. */
function expected(p: { buy: number | null; onHand: number | null; events: Event[] }, holds: Event[]) {
  const cum: number[] = [];
  const at = (t: number) => [...p.events, ...holds].filter((e) => Math.max(0, e.day) === t).reduce((s, e) => s + e.qty, 0);
  for (let t = 0; t < H; t++) cum.push((t ? cum[t - 1]! : (p.onHand ?? 0)) + at(t));
  const limit = p.buy === null ? H : Math.min(p.buy, H);
  const reachesPast = p.buy === null || p.buy > H;
  let end = Infinity;
  if (reachesPast) {
    // The lowest running total of the events after the horizon (a day's events together), up to A + lead time.
    const stop = p.buy ?? Infinity;
    const days = [...new Set(p.events.filter((e) => e.day >= H && e.day < stop).map((e) => e.day))].sort((a, b) => a - b);
    let run = 0;
    let low = 0;
    for (const d of days) {
      run += p.events.filter((e) => e.day === d).reduce((s, e) => s + e.qty, 0);
      low = Math.min(low, run);
    }
    end = cum[H - 1]! + low;
  }
  const atpOf = (d: number) => {
    if (d >= limit) return p.buy !== null ? Infinity : Math.max(0, end);
    let m = end;
    for (let t = d; t < limit; t++) m = Math.min(m, cum[t]!);
    return Math.max(0, m);
  };
  return { cum, atp: Array.from({ length: H + 2 }, (_, d) => atpOf(d)) };
}

describe('stock pools kept as steps', () => {
  it('give the cumulative and ATP of the definition on every day, after holds are added and given back', () => {
    fc.assert(
      fc.property(fc.array(poolDraw, { minLength: 1, maxLength: 4 }), (pools) => {
        const wb = emptyWorkbook();
        wb.policy.push({ key: 'horizon_days', value: String(H) });
        pools.forEach((p, k) => {
          const sku = `SKU-${k}`;
          wb.products.push({ sku, name: null, unit: null, supply: p.buy === null ? 'make' : 'buy', lead_time_days: p.buy, purchase_cost: null, list_price: '10', min_margin_pct: null });
          if (p.onHand !== null) wb.inventory.push({ sku, on_hand: p.onHand });
          p.events.forEach((e, i) => {
            if (e.qty >= 0) wb.receipts.push({ sku, date: shiftDate(AS_OF, e.day), qty: e.qty });
            else wb.orders.push({ order_id: `O-${k}-${i}`, sku, dispatch_date: shiftDate(AS_OF, e.day), qty: -e.qty });
          });
        });
        const holdsOf = (k: number, list: { day: number; qty: number }[]): Hold[] =>
          list.map((h) => ({ type: 'goods', line: 0, sku: `SKU-${k}`, date: shiftDate(AS_OF, h.day), qty: h.qty, use: 'finished' }));
        const model = buildModel(wb, { asOf: AS_OF, dataVersion: 'v' });
        expect(model.asOfDay).toBe(dayNumber(AS_OF));
        pools.forEach((p, k) => addHolds(model, holdsOf(k, p.holds)));
        pools.forEach((p, k) => releaseHolds(model, holdsOf(k, p.released.filter((i) => i < p.holds.length).map((i) => p.holds[i]!))));
        pools.forEach((p, k) => {
          const kept = p.holds.filter((_, i) => !p.released.includes(i));
          // Holds beyond the horizon take nothing; a hold is demand on its day.
          const want = expected(p, kept.filter((h) => h.day < H).map((h) => ({ day: h.day, qty: -h.qty })));
          const pool = model.pools[model.poolIndex.get(`SKU-${k}`)!]!;
          for (let d = 0; d < H; d++) expect(cumAt(pool, d), `cum day ${d}`).toBe(want.cum[d]);
          for (let d = 0; d < H + 2; d++) expect(atp(pool, pool, d), `atp day ${d}`).toBe(want.atp[d]);
        });
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
