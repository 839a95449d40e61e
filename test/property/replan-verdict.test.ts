/**
 * Replanning keeps only a check's verdict (`checkAndHold` with `verdictOnly`), which stops at the
 * first plan on time and works out the overtime arrays only when an overtime plan is reached. The
 * verdict must be the full check's: the same holds, and each line's status, chosen plan and
 * reasons. Random small plants with earlier promises held (so that lines run short and reach the
 * overtime and express plans), requests of 1–4 lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAndHold, validateRequest, type PlantModel } from '../../shared/engine';
import { modelsWithEarlier, plantOf, plantSeed, requestDraw, requestFor } from '../support/engine-harness';

const RUNS = { seed: 20261204, numRuns: 300 };

describe('a replan’s verdict', () => {
  it('is the full check’s: same holds, statuses, chosen plans and reasons', () => {
    fc.assert(
      fc.property(plantSeed, fc.array(requestDraw(3), { maxLength: 5 }), requestDraw(4), (seed, earlier, draw) => {
        const plant = plantOf(seed);
        const [full, verdict] = modelsWithEarlier(plant, earlier, 2) as [PlantModel, PlantModel];
        const v = validateRequest(full, requestFor(plant, draw));
        if (!v.ok) return;
        const a = checkAndHold(full, v.value, { alternatives: false });
        const b = checkAndHold(verdict, v.value, { verdictOnly: true });
        expect(b.holds).toEqual(a.holds);
        expect(b.result.lines.map((l) => [l.status, l.chosen_plan, l.reasons])).toEqual(a.result.lines.map((l) => [l.status, l.chosen_plan, l.reasons]));
      }),
      RUNS,
    );
  });
});
