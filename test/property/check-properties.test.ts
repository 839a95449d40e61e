/**
 * Properties of one check that follow from `promise-check.md` for any plant and request:
 * later requested dates never give less; a plan delivers on time exactly when enough is available
 * by the requested date, and the status, chosen plan and reasons agree with that; no quantity,
 * hour or cost in a result is negative. Random small plants, deterministic fast-check seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/schemas/check';
import { shiftDate } from '../support/dates';
import { check, modelOf, plantOf, plantSeed, requestDraw, requestFor, unitsAtMost } from '../support/engine-harness';

const RUNS = { seed: 20260302, numRuns: 300 };

describe('one check', () => {
  it('available_by_requested_date never decreases as the requested date moves later; earliest does not move', () => {
    fc.assert(
      fc.property(plantSeed, requestDraw(1), fc.nat({ max: 45 }), (seed, draw, later) => {
        const plant = plantOf(seed);
        const model = modelOf(plant);
        const early = requestFor(plant, draw);
        const first = early.lines[0]!;
        const late = { ...early, lines: [{ ...first, requested_date: shiftDate(first.requested_date, later) }] };
        const a = check(model, early).result.lines[0]!;
        const b = check(model, late).result.lines[0]!;
        expect(b.plans.map((p) => p.kind)).toEqual(a.plans.map((p) => p.kind));
        a.plans.forEach((p, i) => {
          const q = b.plans[i]!;
          expect(unitsAtMost(p.available_by_requested_date, q.available_by_requested_date), `${p.kind}: ${p.available_by_requested_date} then ${q.available_by_requested_date}`).toBe(true);
          expect(q.earliest_delivery_date).toBe(p.earliest_delivery_date);
        });
      }),
      RUNS,
    );
  });

  it('a plan is on time exactly when enough is available by R; status, chosen plan and reasons agree', () => {
    fc.assert(
      fc.property(plantSeed, requestDraw(3), (seed, draw) => {
        const plant = plantOf(seed);
        const request = requestFor(plant, draw);
        const { result } = check(modelOf(plant), request);
        expect(result.lines.map((l) => [l.sku, l.qty, l.requested_date])).toEqual(request.lines.map((l) => [l.sku, l.qty, l.requested_date]));
        for (const line of result.lines) {
          const R = line.requested_date;
          const onTime = line.plans.map((p) => p.earliest_delivery_date !== null && p.earliest_delivery_date <= R);
          line.plans.forEach((p, i) => {
            const enough = p.available_by_requested_date === null || p.available_by_requested_date >= line.qty;
            expect(onTime[i], `${line.sku} ${p.kind}: earliest ${p.earliest_delivery_date}, ${p.available_by_requested_date} of ${line.qty} by ${R}`).toBe(enough);
          });
          const first = onTime.indexOf(true);
          expect(line.chosen_plan).toBe(first === -1 ? null : line.plans[first]!.kind);
          const codes = line.reasons.map((r) => r.code);
          const commercial = codes.includes('margin_below_floor') || codes.includes('discount_above_limit');
          if (line.chosen_plan === null) expect(line.status).toBe('not_feasible');
          else if (line.chosen_plan === 'regular') expect(line.status).toBe(commercial ? 'needs_approval' : 'ok');
          else expect(line.status).toBe('needs_approval');
          if (line.chosen_plan === 'overtime' || line.chosen_plan === 'express_overtime') expect(codes).toContain('needs_overtime');
          if (line.chosen_plan === 'express' || line.chosen_plan === 'express_overtime') expect(codes).toContain('needs_express');
          if (line.status !== 'ok') expect(codes.length).toBeGreaterThan(0);
        }
        const rank = { ok: 0, needs_approval: 1, not_feasible: 2 } as const;
        const worst = result.lines.reduce((w, l) => (rank[l.status] > rank[w] ? l.status : w), 'ok' as CheckResult['status']);
        expect(result.status).toBe(worst);
      }),
      RUNS,
    );
  });

  it('nothing in a result is negative (but margin and discount, which may be)', () => {
    fc.assert(
      fc.property(plantSeed, requestDraw(3), (seed, draw) => {
        const plant = plantOf(seed);
        const { result, holds } = check(modelOf(plant), requestFor(plant, draw));
        expect(negatives(result)).toEqual([]);
        expect(negatives(holds)).toEqual([]);
      }),
      RUNS,
    );
  });
});

const MAY_BE_NEGATIVE = new Set(['margin_pct', 'discount_pct', 'min_margin_pct']);

/** Paths of negative numbers and negative decimal strings anywhere in a value. */
function negatives(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return value < 0 || Number.isNaN(value) ? [`${path} = ${value}`] : [];
  if (typeof value === 'string') return /^-\d+(\.\d+)?$/.test(value) ? [`${path} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => negatives(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (MAY_BE_NEGATIVE.has(k) ? [] : negatives(v, `${path}.${k}`)));
  return [];
}
