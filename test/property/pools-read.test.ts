/**
 * `poolsRead` is what a change of promises locks before it checks again: if a check could hold or
 * read a pool outside it, two sellers could both take the last of that pool. Two properties on
 * random plants: every hold a check produces lies in the set, and holds taken anywhere outside the
 * set never change the check's answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHolds, poolOfHold, poolsRead } from '../../shared/engine';
import { validateRequest } from '../../shared/engine/validate';
import { check, modelOf, plantOf, plantSeed, requestDraw, requestFor } from '../support/engine-harness';

const RUNS = { seed: 20261203, numRuns: 200 };

describe('poolsRead: the pools a check reads', () => {
  it('every hold a check produces lies in the pools it reads', () => {
    fc.assert(
      fc.property(plantSeed, fc.array(requestDraw(3), { maxLength: 3 }), requestDraw(4), (seed, earlier, draw) => {
        const plant = plantOf(seed);
        const model = modelOf(plant);
        for (const d of earlier) addHolds(model, check(model, requestFor(plant, d)).holds);
        const input = requestFor(plant, draw);
        const v = validateRequest(model, input);
        if (!v.ok) return;
        const pools = new Set(poolsRead(model, v.value));
        for (const h of check(model, input).holds) expect(pools.has(poolOfHold(h)), `${poolOfHold(h)} not in ${[...pools].join(', ')}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('holds outside those pools never change the answer', () => {
    fc.assert(
      fc.property(plantSeed, fc.array(requestDraw(3), { minLength: 1, maxLength: 4 }), requestDraw(3), (seed, others, draw) => {
        const plant = plantOf(seed);
        const model = modelOf(plant);
        const input = requestFor(plant, draw);
        const v = validateRequest(model, input);
        if (!v.ok) return;
        const read = new Set(poolsRead(model, v.value));
        const before = check(model, input).result;
        for (const d of others) addHolds(model, check(model, requestFor(plant, d)).holds.filter((h) => !read.has(poolOfHold(h))));
        expect(check(model, input).result).toEqual(before);
      }),
      RUNS,
    );
  });

  it('is sorted and names each pool once', () => {
    const plant = plantOf(7);
    const model = modelOf(plant);
    const input = requestFor(plant, { region: 0, express: false, lines: [{ sku: 0, qty: 1, day: 5, pricePct: 100 }, { sku: 0, qty: 2, day: 9, pricePct: 100 }] });
    const v = validateRequest(model, input);
    if (!v.ok) throw new Error('request refused');
    const pools = poolsRead(model, v.value);
    expect(pools).toEqual([...new Set(pools)].sort());
    expect(pools).toContain(`goods:${input.lines[0]!.sku}`);
  });
});
