/**
 * Properties of promises (holds) from `promise-check.md`: a confirmed promise never lets a later
 * check get more; releasing it gives back exactly what it held; and a model kept up to date by
 * adding and releasing holds answers exactly like one built from scratch with the same holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHolds, releaseHolds, type Hold } from '../../shared/engine';
import { check, dateAtMost, modelOf, plantOf, plantSeed, requestDraw, requestFor, unitsAtMost } from '../support/engine-harness';

const RUNS = { seed: 20260303, numRuns: 150 };

describe('promises and holds', () => {
  it('a promise never increases what a later check can get, and releasing it restores the answer exactly', () => {
    fc.assert(
      fc.property(plantSeed, fc.array(requestDraw(2), { minLength: 0, maxLength: 2 }), requestDraw(2), requestDraw(1), (seed, earlier, promise, later) => {
        const plant = plantOf(seed);
        const model = modelOf(plant);
        for (const d of earlier) addHolds(model, check(model, requestFor(plant, d)).holds);
        const laterRequest = requestFor(plant, later);
        const before = check(model, laterRequest).result;

        const held = check(model, requestFor(plant, promise)).holds;
        addHolds(model, held);
        const after = check(model, laterRequest).result;
        const b = before.lines[0]!;
        const a = after.lines[0]!;
        expect(a.plans.map((p) => p.kind)).toEqual(b.plans.map((p) => p.kind));
        b.plans.forEach((p, i) => {
          const q = a.plans[i]!;
          expect(unitsAtMost(q.available_by_requested_date, p.available_by_requested_date), `${p.kind} available ${p.available_by_requested_date} → ${q.available_by_requested_date}`).toBe(true);
          expect(dateAtMost(p.earliest_delivery_date, q.earliest_delivery_date), `${p.kind} earliest ${p.earliest_delivery_date} → ${q.earliest_delivery_date}`).toBe(true);
        });

        releaseHolds(model, held);
        expect(check(model, laterRequest).result).toEqual(before);
      }),
      RUNS,
    );
  });

  it('adding and releasing holds gives the same answers as a model built from scratch with those holds', () => {
    const op = fc.oneof(
      fc.record({ add: requestDraw(2) }),
      fc.record({ release: fc.nat({ max: 20 }) }),
    );
    fc.assert(
      fc.property(plantSeed, fc.array(requestDraw(2), { maxLength: 3 }), fc.array(op, { minLength: 1, maxLength: 8 }), fc.array(requestDraw(3), { minLength: 1, maxLength: 3 }), (seed, initial, ops, probes) => {
        const plant = plantOf(seed);
        // Promises made one after another on a model; `open` are the ones still held.
        const open: Hold[][] = [];
        const maker = modelOf(plant);
        for (const d of initial) {
          const h = check(maker, requestFor(plant, d)).holds;
          addHolds(maker, h);
          open.push(h);
        }
        const incremental = modelOf(plant, open.flat());
        for (const o of ops) {
          if ('add' in o) {
            const h = check(incremental, requestFor(plant, o.add)).holds;
            addHolds(incremental, h);
            open.push(h);
          } else if (open.length > 0) {
            const [h] = open.splice(o.release % open.length, 1);
            releaseHolds(incremental, h!);
          }
        }
        const scratch = modelOf(plant, open.flat());
        for (const p of probes) {
          const request = requestFor(plant, p);
          expect(check(incremental, request).result).toEqual(check(scratch, request).result);
        }
      }),
      RUNS,
    );
  });
});
