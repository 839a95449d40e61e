/**
 * An independent reference for a single-line check: an integer program per dispatch day, solved
 * with HiGHS (WASM, loaded once). Written from `promise-check.md`, not from the engine.
 *
 * For a dispatch day X it maximises the units deliverable on X:
 *
 *   max  s + Σ_d n_d
 *   s ≤ ATP_sku(X)                                     finished goods from the pool
 *   n_d · hours_r ≤ free_r(d)         ∀ d, r            whole units a day on every routing resource
 *   P_d = P_{d−1} + n_d                                 cumulative production
 *   q_c · P_d ≤ ATP_c(d)              ∀ c, d < A + lead_c   components until they can be bought in
 *   s, n_d ∈ ℤ≥0,   d ∈ [A, X − lead_sku]
 *
 * Hours are integers of 1/10,000 h, so every coefficient is an exact integer; the solution is
 * checked again in exact integer arithmetic before it is believed.
 */
import loadHighs, { type Highs } from 'highs';
import type { Workbook } from '../../shared/schemas/workbook';
import { dateOf, dayNumber } from './dates';
import { PlantFacts, type ReferenceHold } from './reference/plant-facts';

export type { ReferenceHold } from './reference/plant-facts';

export interface ReferenceLine {
  sku: string;
  qty: number;
  requested_date: string;
  region: string;
  mode: 'standard' | 'express';
  overtime: boolean;
}

export interface ReferenceAnswer {
  latest_dispatch_date: string | null;
  /** `null`: unlimited (a bought item past its lead time). */
  available_by_requested_date: number | null;
  earliest_delivery_date: string | null;
}

export interface ReferencePlan extends ReferenceAnswer {
  kind: 'regular' | 'overtime' | 'express' | 'express_overtime';
  mode: 'standard' | 'express';
  overtime: boolean;
}

let highs: Promise<Highs> | undefined;

/** HiGHS loads its WASM once per process. */
export async function loadReferenceSolver(): Promise<ReferenceSolver> {
  highs ??= loadHighs();
  return new ReferenceSolver(await highs);
}

const OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, presolve: 'on' } as const;

export class ReferenceSolver {
  /** Number of MIPs solved so far (for the benchmark's report). */
  solves = 0;

  constructor(private readonly highs: Highs) {}

  /** The facts of a plant as of a date with the given holds; reuse them for many lines. */
  facts(workbook: Workbook, asOf: string, holds: readonly ReferenceHold[] = []): PlantFacts {
    return new PlantFacts(workbook, asOf, holds);
  }

  /** Every plan the spec gives a single-line request, with its quantities. */
  plans(facts: PlantFacts, line: Omit<ReferenceLine, 'overtime'>): ReferencePlan[] {
    const product = facts.products.get(line.sku)!;
    const canOvertime = product.supply === 'make' && product.routing.some((r) => facts.hasOvertime(r.resource));
    const express = line.mode === 'standard' && facts.lane(line.region, 'express') !== undefined;
    const kinds: [ReferencePlan['kind'], 'standard' | 'express', boolean][] = [[`regular`, line.mode, false]];
    if (canOvertime) kinds.push(['overtime', line.mode, true]);
    if (express) kinds.push(['express', 'express', false]);
    if (express && canOvertime) kinds.push(['express_overtime', 'express', true]);
    return kinds.map(([kind, mode, overtime]) => ({ kind, mode, overtime, ...this.answer(facts, { ...line, mode, overtime }) }));
  }

  /** available_by_requested_date and earliest_delivery_date of one line on one plan. */
  answer(facts: PlantFacts, line: ReferenceLine): ReferenceAnswer {
    const lane = facts.lane(line.region, line.mode);
    if (!lane) throw new Error(`no lane ${line.region}/${line.mode}`);
    const days = facts.dispatchDays(lane.calendar);
    const R = dayNumber(line.requested_date);
    const onTime = days.filter((d) => d + lane.transit <= R);
    const S = onTime.length ? onTime[onTime.length - 1]! : null;
    const available = S === null ? 0 : this.maxDeliverable(facts, line.sku, S, line.overtime);

    // The most deliverable never falls as the dispatch day moves later (the feasible set only
    // grows), so the first day that reaches qty is found by bisection.
    const enough = (d: number) => {
      const m = this.maxDeliverable(facts, line.sku, d, line.overtime);
      return m === null || m >= line.qty;
    };
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (enough(days[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    const earliest = lo < days.length ? days[lo]! + lane.transit : null;
    return {
      latest_dispatch_date: S === null ? null : dateOf(S),
      available_by_requested_date: available,
      earliest_delivery_date: earliest === null ? null : dateOf(earliest),
    };
  }

  /** The most units of `sku` that can be dispatched on day X; `null` when unlimited. */
  maxDeliverable(facts: PlantFacts, sku: string, X: number, overtime: boolean): number | null {
    const product = facts.products.get(sku)!;
    const stock = facts.atp(sku, X);
    if (stock === Infinity) return null;
    if (product.supply === 'buy') return stock;
    const first = facts.asOf;
    const last = Math.min(X - product.lead, facts.horizonEnd);
    if (last < first) return stock;

    const days: number[] = [];
    for (let d = first; d <= last; d++) days.push(d);
    const caps = days.map((d) => product.routing.map((r) => facts.freeHours(r.resource, d, overtime)));
    const limits = days.map((d) => product.bom.map((b) => facts.atp(b.component, d)));

    const obj = ['s', ...days.map((_, i) => `n${i}`)];
    const rows: string[] = [];
    days.forEach((_, i) => {
      product.routing.forEach((r, j) => rows.push(`cap${i}_${j}: ${r.hpuE4} n${i} <= ${caps[i]![j]}`));
      rows.push(i === 0 ? `cum${i}: P${i} - n${i} = 0` : `cum${i}: P${i} - P${i - 1} - n${i} = 0`);
      product.bom.forEach((b, j) => {
        const limit = limits[i]![j]!;
        if (limit !== Infinity) rows.push(`comp${i}_${j}: ${b.qty} P${i} <= ${limit}`);
      });
    });
    const lp = [
      'Maximize',
      ` obj: ${obj.join(' + ')}`,
      'Subject To',
      ...rows.map((r) => ` ${r}`),
      'Bounds',
      ` 0 <= s <= ${stock}`,
      'General',
      ` ${obj.join(' ')}`,
      'End',
    ].join('\n');
    this.solves++;
    const sol = this.highs.solve(lp, OPTIONS);
    if (sol.Status !== 'Optimal') throw new Error(`reference MIP ended ${sol.Status} for ${sku} on ${dateOf(X)}`);
    const value = (name: string) => Math.round((sol.Columns[name] as { Primal: number } | undefined)?.Primal ?? 0);

    // Believe the solution only if it is feasible in exact integer arithmetic.
    const s = value('s');
    const n = days.map((_, i) => value(`n${i}`));
    if (s < 0 || s > stock) throw new Error(`reference MIP: s = ${s} outside 0..${stock}`);
    let cumulative = 0;
    n.forEach((units, i) => {
      if (units < 0) throw new Error(`reference MIP: n${i} = ${units}`);
      product.routing.forEach((r, j) => {
        if (units * r.hpuE4 > caps[i]![j]!) throw new Error(`reference MIP: day ${i} over capacity on ${r.resource}`);
      });
      cumulative += units;
      product.bom.forEach((b, j) => {
        if (b.qty * cumulative > limits[i]![j]!) throw new Error(`reference MIP: day ${i} over ATP of ${b.component}`);
      });
    });
    return s + n.reduce((a, b) => a + b, 0);
  }
}
