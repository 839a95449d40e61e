/**
 * Every alternative a check offers, applied as the Check screen applies it (the line on the new
 * date, or split into one line per delivery in its place; the request's mode unchanged), gives
 * what it announced: the line (each part) gets the announced plan by the announced date with the
 * announced status, and every other line keeps its status or better (a line that was not feasible
 * gets no later). Random small plants (test/fixtures/random-plant.ts), requests of 1–4 lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alternative, CheckRequestInput, CheckResult, Status } from '../../shared/schemas/check';
import { check, modelOf, plantOf, plantSeed, requestDraw, requestFor } from '../support/engine-harness';

const RANK: Record<Status, number> = { ok: 0, needs_approval: 1, not_feasible: 2 };

/** The request after the salesperson pressed the alternative's button (written here, not imported). */
function applied(req: CheckRequestInput, index: number, alt: Alternative): CheckRequestInput {
  const line = req.lines[index]!;
  const parts = alt.kind === 'partial' ? alt.deliveries.map((d) => ({ ...line, qty: d.qty, requested_date: d.date })) : [{ ...line, requested_date: alt.deliveries[0]!.date }];
  return { ...req, lines: [...req.lines.slice(0, index), ...parts, ...req.lines.slice(index + 1)] };
}

function expectAnnounced(before: CheckResult, after: CheckResult, index: number, alt: Alternative, label: string) {
  const n = alt.deliveries.length;
  const parts = after.lines.slice(index, index + n);
  parts.forEach((line, k) => {
    const plan = line.plans.find((p) => p.kind === line.chosen_plan);
    expect(line.chosen_plan, `${label}: part ${k + 1} plan`).toBe(alt.plan);
    expect(line.qty, `${label}: part ${k + 1} qty`).toBe(alt.deliveries[k]!.qty);
    expect(plan?.delivery_date != null && plan.delivery_date <= alt.deliveries[k]!.date, `${label}: part ${k + 1} delivers ${plan?.delivery_date} by ${alt.deliveries[k]!.date}`).toBe(true);
  });
  const worst = parts.some((l) => l.status !== 'ok') ? 'needs_approval' : 'ok';
  expect(worst, `${label}: status`).toBe(alt.status);
  before.lines.forEach((b, j) => {
    if (j === index) return;
    const a = after.lines[j < index ? j : j + n - 1]!;
    expect(RANK[a.status], `${label}: line ${j + 1} was ${b.status}, now ${a.status}`).toBeLessThanOrEqual(RANK[b.status]);
    if (b.status === 'not_feasible' && a.status === 'not_feasible' && b.plans[0]!.earliest_delivery_date !== null) {
      const ae = a.plans[0]!.earliest_delivery_date;
      expect(ae !== null && ae <= b.plans[0]!.earliest_delivery_date, `${label}: line ${j + 1} earliest ${b.plans[0]!.earliest_delivery_date} → ${ae}`).toBe(true);
    }
  });
  // The sentence says the dates it announces.
  for (const d of alt.deliveries) expect(alt.message).toContain(String(d.qty));
}

describe('alternatives', () => {
  it('every offered alternative, applied, gives the plan, dates and status it announced and leaves the other lines no worse', () => {
    let offered = 0;
    fc.assert(
      fc.property(plantSeed, requestDraw(4), (seed, draw) => {
        const plant = plantOf(seed);
        const model = modelOf(plant);
        const request = requestFor(plant, draw);
        const { result } = check(model, request);
        result.lines.forEach((line, i) => {
          for (const alt of line.alternatives) {
            offered++;
            const after = check(model, applied(request, i, alt)).result;
            expectAnnounced(result, after, i, alt, `seed ${seed}, line ${i + 1}, ${alt.kind}: ${alt.message}`);
          }
        });
      }),
      { seed: 20261203, numRuns: 400 },
    );
    // The property is about something: many alternatives were offered and applied.
    expect(offered).toBeGreaterThan(100);
  });

  it('an ok line offers nothing; a not feasible line that can be delivered at all offers something', () => {
    fc.assert(
      fc.property(plantSeed, requestDraw(1), (seed, draw) => {
        const plant = plantOf(seed);
        const { result } = check(modelOf(plant), requestFor(plant, draw));
        const line = result.lines[0]!;
        if (line.status === 'ok') expect(line.alternatives).toEqual([]);
        // One line alone: nothing else can move, so the later date always holds.
        if (line.status === 'not_feasible' && line.plans[0]!.earliest_delivery_date !== null) expect(line.alternatives.map((a) => a.kind)).toContain('later_date');
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('re-checks that take the lines planned before the changed one as is answer exactly as re-planning every line', () => {
    let withAlternatives = 0;
    fc.assert(
      fc.property(plantSeed, requestDraw(6), (seed, draw) => {
        const plant = plantOf(seed);
        const model = modelOf(plant);
        const request = requestFor(plant, draw);
        const fast = check(model, request);
        const every = check(model, request, { replanAll: true });
        if (every.result.lines.some((l) => l.alternatives.length > 0)) withAlternatives++;
        expect(fast.result).toEqual(every.result);
        expect(fast.holds).toEqual(every.holds);
      }),
      { seed: 20261205, numRuns: 300 },
    );
    // Not vacuous: many requests had alternatives to verify.
    expect(withAlternatives).toBeGreaterThan(60);
  });
});
