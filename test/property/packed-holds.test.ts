/**
 * A model takes packed holds (packed-holds.ts, how every open hold comes in at start) exactly as
 * it takes the same holds one by one (`addHolds`, an independent path through the view): the same
 * hours on the same days of every resource, the same steps of every pool. Holds of products and
 * resources the tables do not have, dated before the as-of day and past the horizon, come up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, packHolds, type Hold, type PlantModel } from '../../shared/engine';
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
        const packed = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p', packed: packHolds(holds) });
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

  it('leave the model as it is without them when there are none', () => {
    const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p', packed: packHolds([]) });
    expect(state(model)).toEqual(state(buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p' })));
  });

  it('take a day\u2019s goods together on the as-of day when dated before it, and hours from it on, hand-worked', () => {
    const sku = plant.workbook.products[0]!.sku;
    const resource = plant.workbook.resources[0]!.resource_id;
    const bare = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p' });
    const cumOn = (m: PlantModel, i: number) => {
      const p = m.pools[m.poolIndex.get(sku)!]!;
      let s = 0;
      while (s + 1 < p.days.length && p.days[s + 1]! <= i) s++;
      return p.cum[s]!;
    };
    const g = (date: string, qty: number): Hold => ({ type: 'goods', line: 0, sku, date, qty, use: 'finished' });
    const h = (date: string, regular_e4: number): Hold => ({ type: 'hours', line: 0, resource_id: resource, date, regular_e4, overtime_e4: 1 });
    // 7 three days before A and 5 on A count on A; 4 two days after A from then on. Hours a day
    // before A are past; 2.5 h on A + 1 and 1 h twice on A + 3 are held.
    const holds = [g(shiftDate(plant.asOf, -3), 7), g(plant.asOf, 5), g(shiftDate(plant.asOf, 2), 4), h(shiftDate(plant.asOf, -1), 90_000), h(shiftDate(plant.asOf, 1), 25_000), h(shiftDate(plant.asOf, 3), 10_000), h(shiftDate(plant.asOf, 3), 10_000)];
    const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'p', packed: packHolds(holds) });
    const before = [0, 1, 2, 3].map((i) => cumOn(bare, i));
    expect([0, 1, 2, 3].map((i) => cumOn(model, i))).toEqual([before[0]! - 12, before[1]! - 12, before[2]! - 16, before[3]! - 16]);
    const r = model.resources[model.resourceIndex.get(resource)!]!;
    expect(Array.from(r.regHeld.subarray(0, 5))).toEqual([0, 25_000, 0, 20_000, 0]);
    expect(Array.from(r.otHeld.subarray(0, 5))).toEqual([0, 1, 0, 2, 0]);
  });
});
