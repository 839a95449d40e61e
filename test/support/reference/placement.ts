/**
 * What a confirmed single line of a `make` product holds, from `promise-check.md` step 5 alone:
 * finished goods first (the pool's ATP on the dispatch day), then production as late as possible
 * before the dispatch day — the latest allowed production day filled to its capacity first, then
 * the day before — with regular hours everywhere in the window before any overtime, whole units,
 * and components within their ATP until they can be bought in. Hours on a day split into regular
 * first, then overtime. The cross-check compares the engine's holds with these, so a placement
 * mistake cannot hide behind both sides reading the same holds.
 */
import { dateOf } from '../dates';
import type { PlantFacts, ReferenceHold } from './plant-facts';

export type PlacedHold = ReferenceHold & { use?: 'finished' | 'component' };

/** `null`: the reference cannot place the full qty on that day (it is no on-time plan). */
export function referencePlacement(facts: PlantFacts, sku: string, qty: number, dispatchDay: number, overtime: boolean): PlacedHold[] | null {
  const product = facts.products.get(sku)!;
  if (product.supply !== 'make') throw new Error('referencePlacement is for made products');
  const holds: PlacedHold[] = [];
  const fromStock = Math.min(qty, facts.atp(sku, dispatchDay));
  if (fromStock > 0) holds.push({ type: 'goods', sku, date: dateOf(dispatchDay), qty: fromStock, use: 'finished' });
  let remaining = qty - fromStock;

  const first = facts.asOf;
  const last = Math.min(dispatchDay - product.lead, facts.horizonEnd);
  const days: number[] = [];
  for (let d = first; d <= last; d++) days.push(d);
  const unitsOn = (d: number, ot: boolean) => Math.min(...product.routing.map((r) => Math.floor(facts.freeHours(r.resource, d, ot) / r.hpuE4)));
  // Cumulative production allowed up to each day by the components (Infinity once all can be bought).
  const limit = days.map((d) => Math.min(Infinity, ...product.bom.map((b) => Math.floor(facts.atp(b.component, d) / b.qty))));
  const n = days.map(() => 0);

  const fill = (caps: number[]) => {
    for (let i = days.length - 1; i >= 0 && remaining > 0; i--) {
      let allowed = Infinity;
      let cumulative = 0;
      for (let t = 0; t < days.length; t++) {
        cumulative += n[t]!;
        if (t >= i) allowed = Math.min(allowed, limit[t]! - cumulative);
      }
      const add = Math.max(0, Math.min(caps[i]! - n[i]!, remaining, allowed));
      n[i] = n[i]! + add;
      remaining -= add;
    }
  };
  fill(days.map((d) => unitsOn(d, false)));
  if (overtime) fill(days.map((d) => unitsOn(d, true)));
  if (remaining > 0) return null;

  days.forEach((d, i) => {
    if (n[i] === 0) return;
    for (const r of product.routing) {
      const total = n[i]! * r.hpuE4;
      const regular = Math.min(total, facts.freeHours(r.resource, d, false));
      holds.push({ type: 'hours', resource_id: r.resource, date: dateOf(d), regular_e4: regular, overtime_e4: total - regular });
    }
    for (const b of product.bom) holds.push({ type: 'goods', sku: b.component, date: dateOf(d), qty: b.qty * n[i]!, use: 'component' });
  });
  return holds;
}

/** One line per hold, sorted and summed by key, zeros left out: comparable across implementations. */
export function normalizeHolds(holds: readonly PlacedHold[]): string[] {
  const sums = new Map<string, number[]>();
  for (const h of holds) {
    const key = h.type === 'goods' ? `goods ${h.use ?? '?'} ${h.sku} ${h.date}` : `hours ${h.resource_id} ${h.date}`;
    const v = h.type === 'goods' ? [h.qty] : [h.regular_e4, h.overtime_e4];
    const s = sums.get(key) ?? v.map(() => 0);
    sums.set(key, s.map((x, i) => x + v[i]!));
  }
  return [...sums]
    .filter(([, v]) => v.some((x) => x !== 0))
    .map(([k, v]) => `${k}: ${v.join('+')}`)
    .sort();
}
