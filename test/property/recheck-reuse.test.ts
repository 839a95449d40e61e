/**
 * The re-checks behind alternatives take as is every line that sees the same plant as in the
 * first check (recheck-reuse.ts): on a plant of many products most lines share no pool with the
 * changed line. Checked against planning every line again (`replanAll`) on such a plant, with
 * confirmed promises making lines run short, for requests of 10 lines; and the property is about
 * something: lines after a changed line that share no pool with it (pools-read.ts, an independent
 * reading of which pools a line reads) come up often.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, checkAndHold, poolsRead, runCheck, validateRequest, type PlantModel } from '../../shared/engine';
import { sharePools } from '../../shared/engine/pools-read';
import type { CheckRequest, CheckRequestInput } from '../../shared/schemas/check';
import { bigPlant, bigRequest } from '../fixtures/big-plant';
import { Rng } from '../fixtures/rng';

const plant = bigPlant(7, { finished: 80, components: 120, resources: 24, horizonDays: 120 });

function parsed(model: PlantModel, input: CheckRequestInput): CheckRequest {
  const v = validateRequest(model, input);
  if (!v.ok) throw new Error(`request refused: ${JSON.stringify(v.issues)}`);
  return v.value;
}

/** The plant with `n` requests confirmed one after another (as the app does), so that lines run short. */
function busyModel(n: number): PlantModel {
  const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'property' });
  const rng = new Rng(11);
  for (let k = 0; k < n; k++) checkAndHold(model, parsed(model, bigRequest(plant, rng, 3, { maxQty: 120 })), { alternatives: false });
  return model;
}

describe('re-checks that take unaffected lines as is', () => {
  const model = busyModel(150);
  // An earlier line of the planning order shares no pool with a later one it may be checked again with.
  const apart = (req: CheckRequest, a: number, b: number) => {
    const pools = new Set(poolsRead(model, { lines: [req.lines[a]!] }));
    return poolsRead(model, { lines: [req.lines[b]!] }).every((p) => !pools.has(p));
  };

  it('answer exactly as planning every line again', () => {
    let offered = 0;
    let unaffected = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const req = parsed(model, bigRequest(plant, new Rng(seed), 10, { maxQty: 160 }));
        const fast = runCheck(model, req);
        const every = runCheck(model, req, { replanAll: true });
        expect(fast.result).toEqual(every.result);
        expect(fast.holds).toEqual(every.holds);
        fast.result.lines.forEach((line, i) => {
          offered += line.alternatives.length;
          if (line.alternatives.length > 0) unaffected += req.lines.filter((l, j) => j !== i && l.requested_date > line.requested_date && apart(req, i, j)).length;
        });
      }),
      { seed: 20261206, numRuns: 60 },
    );
    expect(offered).toBeGreaterThan(60);
    expect(unaffected).toBeGreaterThan(100);
  });

  it('two lines share a pool exactly when the pools each reads (pools-read.ts) meet', () => {
    const skus = [...model.products.keys()];
    let shared = 0;
    fc.assert(
      fc.property(fc.nat({ max: skus.length - 1 }), fc.nat({ max: skus.length - 1 }), (a, b) => {
        const line = (i: number) => ({ sku: skus[i]!, qty: 1, requested_date: plant.asOf, unit_price: '1' });
        const pools = new Set(poolsRead(model, { lines: [line(a)] }));
        const meet = poolsRead(model, { lines: [line(b)] }).some((p) => pools.has(p));
        if (meet) shared++;
        expect(sharePools(model.products.get(skus[a]!)!, model.products.get(skus[b]!)!)).toBe(meet);
      }),
      { seed: 20261207, numRuns: 2000 },
    );
    expect(shared).toBeGreaterThan(40); // 84 of the 2,000 pairs drawn share a pool
  });

  it('and the model is left as it was', () => {
    const before = JSON.stringify([model.pools, model.resources.map((r) => [Array.from(r.regHeld), Array.from(r.otHeld)])]);
    const rng = new Rng(3);
    for (let k = 0; k < 20; k++) runCheck(model, parsed(model, bigRequest(plant, rng, 10, { maxQty: 160 })));
    expect(JSON.stringify([model.pools, model.resources.map((r) => [Array.from(r.regHeld), Array.from(r.otHeld)])])).toBe(before);
  });
});
