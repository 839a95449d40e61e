/**
 * A model takes packed holds (packed-holds.ts, how every open hold comes in at start) exactly as
 * it takes the same holds one by one (`addHolds`, an independent path through the view): the same
 * hours on the same days of every resource, the same steps of every pool. Holds of products and
 * resources the tables do not have, dated before the as-of day and past the horizon, come up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPackedHolds, buildModel, packHolds, type Hold, type PlantModel } from '../../shared/engine';
import { bigPlant } from '../fixtures/big-plant';
import { shiftDate } from '../support/dates';

const plant = bigPlant(3, { finished: 12, components: 18, resources: 6, horizonDays: 40 });
const skus = [...plant.workbook.products.map((p) => p.sku), 'NOT-A-PRODUCT'];
const resources = [...plant.workbook.resources.map((r) => r.resource_id), 'NOT-A-RESOURCE'];
const H = 40;

const day = fc.integer({ min: -6, max: H + 6 }).map((d) => shiftDate(plant.asOf, d));
const goods = fc.record({
  type: fc.constant('goods' as const),
  line: fc.nat(9),
  sku: fc.constantFrom(...skus),
  date: day,
  qty: fc.nat(5_000),
  use: fc.constantFrom('finished' as const, 'component' as const),
});
const hours = fc.record({
  type: fc.constant('hours' as const),
  line: fc.nat(9),
  resource_id: fc.constantFrom(...resources),
  date: day,
  regular_e4: fc.nat(200_000),
  overtime_e4: fc.nat(40_000),
});

function state(m: PlantModel) {
  return {
    resources: m.resources.map((r) => ({ reg: Array.from(r.regHeld), ot: Array.from(r.otHeld) })),
    pools: m.pools.map((p) => ({ days: p.days, cum: p.cum, suf: p.suf, tail: p.tail })),
  };
}

describe('packed holds', () => {
  it('are taken by a model exactly as the same holds one by one', () => {
    let beyond = 0;
    let unknown = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(goods, hours), { maxLength: 400, size: 'large' }), (holds: Hold[]) => {
        const one = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p', holds });
        const packed = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p' });
        addPackedHolds(packed, packHolds(holds));
        expect(state(packed)).toEqual(state(one));
        for (const h of holds) {
          if (h.date < plant.asOf || h.date >= shiftDate(plant.asOf, H)) beyond++;
          if ((h.type === 'goods' ? h.sku : h.resource_id).startsWith('NOT-')) unknown++;
        }
      }),
      { numRuns: 150 },
    );
    expect(beyond).toBeGreaterThan(1_000);
    expect(unknown).toBeGreaterThan(1_000);
  });

  it('leave the model as it was when there are none', () => {
    const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p' });
    const before = state(model);
    addPackedHolds(model, packHolds([]));
    expect(state(model)).toEqual(before);
  });

  it('take a day\u2019s goods together on the as-of day when dated before it, hand-worked', () => {
    const sku = plant.workbook.products[0]!.sku;
    const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p' });
    const pool = model.pools[model.poolIndex.get(sku)!]!;
    const cumOn = (m: PlantModel, i: number) => {
      const p = m.pools[m.poolIndex.get(sku)!]!;
      let s = 0;
      while (s + 1 < p.days.length && p.days[s + 1]! <= i) s++;
      return p.cum[s]!;
    };
    const before = [0, 1, 2, 3].map((i) => cumOn(model, i));
    const g = (date: string, qty: number): Hold => ({ type: 'goods', line: 0, sku, date, qty, use: 'finished' });
    // 7 three days before A and 5 on A count on A; 4 on A + 2 from then on.
    addPackedHolds(model, packHolds([g(shiftDate(plant.asOf, -3), 7), g(plant.asOf, 5), g(shiftDate(plant.asOf, 2), 4)]));
    expect([0, 1, 2, 3].map((i) => cumOn(model, i))).toEqual([before[0]! - 12, before[1]! - 12, before[2]! - 16, before[3]! - 16]);
    expect(pool.days[0]).toBe(0);
  });
});
