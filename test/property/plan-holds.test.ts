/**
 * A check takes each line's plan straight into its view (`takePlan`) instead of writing holds and
 * reading them back. That must change the plant exactly as the holds it returns do: confirming
 * with `checkAndHold` leaves the model as `runCheck` followed by `addHolds` would, array for array,
 * and giving the holds back restores the model as it was. Random small plants with earlier
 * promises held, requests of 1–4 lines (lines take from each other).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHolds, checkAndHold, releaseHolds, runCheck, validateRequest, type PlantModel } from '../../shared/engine';
import { modelsWithEarlier, plantOf, plantSeed, requestDraw, requestFor } from '../support/engine-harness';

/** Everything a hold can change in a model: held hours per resource, each pool's steps. */
function stateOf(m: PlantModel) {
  return {
    resources: m.resources.map((r) => ({ id: r.id, regHeld: [...r.regHeld], otHeld: [...r.otHeld] })),
    pools: m.pools.map((p) => ({ sku: p.sku, days: [...p.days], cum: [...p.cum], suf: [...p.suf] })),
  };
}

describe('what a plan takes', () => {
  it('taking plans straight into the model changes it exactly as adding the check’s holds does', () => {
    let held = 0;
    fc.assert(
      fc.property(plantSeed, fc.array(requestDraw(3), { maxLength: 4 }), requestDraw(4), (seed, earlier, draw) => {
        const plant = plantOf(seed);
        const [taken, added] = modelsWithEarlier(plant, earlier, 2) as [PlantModel, PlantModel];
        const before = stateOf(taken);
        const v = validateRequest(taken, requestFor(plant, draw));
        if (!v.ok) return;
        const { holds } = checkAndHold(taken, v.value, { alternatives: false });
        const expected = runCheck(added, v.value).holds;
        expect(holds).toEqual(expected);
        addHolds(added, expected);
        expect(stateOf(taken)).toEqual(stateOf(added));
        if (holds.length > 0) held++;
        releaseHolds(taken, holds);
        expect(stateOf(taken)).toEqual(before);
      }),
      { seed: 20261205, numRuns: 300 },
    );
    // Not vacuous: most requests held something.
    expect(held).toBeGreaterThan(150);
  });
});
