/**
 * The engine against an independent integer program (test/support/ip-solver.ts) on 200 random
 * small plants: on every plan of a single-line check, the latest dispatch day, the units available
 * by the requested date and the earliest delivery date must be the same, and the chosen plan must
 * hold what the spec's placement gives (test/support/reference/placement.ts). Each plant gets a few
 * checks in a row; a check that delivers is confirmed (its holds added), so later checks also
 * compare how both sides account for earlier promises; a three-line request at the end checks that
 * each line sees what the lines planned before it took. A mismatch is shrunk to a minimal workbook
 * and kept as JSON (path in the failure message).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addHolds, buildModel, runCheck, validateRequest, type Hold } from '../../shared/engine';
import { randomPlant, randomRequest } from '../fixtures/random-plant';
import { Rng } from '../fixtures/rng';
import { crossCheck, keepReproducer, shrinkCase, type CrossCase } from '../support/cross-case';
import { loadReferenceSolver, type ReferenceSolver } from '../support/ip-solver';

const PLANTS = 200;
const BATCH = 20;
const CHECKS_PER_PLANT = 4;

describe('engine = reference IP on random small plants', () => {
  let solver: ReferenceSolver;
  beforeAll(async () => {
    solver = await loadReferenceSolver();
  });

  const batches = Array.from({ length: PLANTS / BATCH }, (_, b) => b * BATCH);
  it.each(batches)('plants from seed %i', (first) => {
    const failures: string[] = [];
    let compared = 0;
    for (let seed = first; seed < first + BATCH; seed++) {
      const plant = randomPlant(seed);
      const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'cross-check', holds: [] });
      const rng = new Rng(seed * 7919 + 1);
      const holds: Hold[] = [];
      for (let k = 0; k < CHECKS_PER_PLANT; k++) {
        const request = randomRequest(plant, rng);
        const c: CrossCase = { label: `seed-${seed}-check-${k}`, asOf: plant.asOf, workbook: plant.workbook, holds: [...holds], request };
        const diffs = crossCheck(solver, c);
        compared++;
        if (diffs.length > 0) {
          const small = shrinkCase(solver, c);
          const kept = keepReproducer(small, crossCheck(solver, small));
          failures.push(`${c.label}: ${diffs.join('; ')}\n  minimal case: ${kept.path}\n${kept.text}`);
          break;
        }
        const v = validateRequest(model, request);
        if (!v.ok) break;
        const { result, holds: taken } = runCheck(model, v.value);
        if (result.status !== 'not_feasible') {
          addHolds(model, taken);
          holds.push(...taken);
        }
      }
      // Then one request of three lines: each line sees what the lines planned before it took.
      const multi: CrossCase = { label: `seed-${seed}-lines-3`, asOf: plant.asOf, workbook: plant.workbook, holds: [...holds], request: randomRequest(plant, rng, { lines: 3 }) };
      const diffs = crossCheck(solver, multi);
      compared++;
      if (diffs.length > 0) {
        const small = shrinkCase(solver, multi);
        const kept = keepReproducer(small, crossCheck(solver, small));
        failures.push(`${multi.label}: ${diffs.join('; ')}\n  minimal case: ${kept.path}\n${kept.text}`);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(BATCH);
    expect(failures, failures.slice(0, 3).join('\n\n')).toEqual([]);
  }, 120_000);
});
