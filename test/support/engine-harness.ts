/**
 * Small helpers for property tests of the engine: build a model for a random plant, run a check
 * from a request input, and turn fast-check's numbers into a request that fits the plant (so
 * that shrinking works on quantities and dates, not on opaque seeds).
 */
import fc from 'fast-check';
import { addHolds, buildModel, runCheck, validateRequest, type Hold, type PlantModel } from '../../shared/engine';
import type { CheckRequestInput, CheckResult } from '../../shared/schemas/check';
import { randomPlant, type RandomPlant } from '../fixtures/random-plant';
import { shiftDate } from './dates';

export function modelOf(plant: RandomPlant, holds: readonly Hold[] = []): PlantModel {
  return buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: 'property', holds });
}

export function check(model: PlantModel, input: CheckRequestInput, opts?: Parameters<typeof runCheck>[2]): { result: CheckResult; holds: Hold[] } {
  const v = validateRequest(model, input);
  if (!v.ok) throw new Error(`request refused: ${JSON.stringify(v.issues)} for ${JSON.stringify(input)}`);
  return runCheck(model, v.value, opts);
}

/**
 * `count` models of `plant`, each holding the same earlier promises (each request in `earlier`
 * checked on the first model and its holds added to all): plants where lines run short.
 */
export function modelsWithEarlier(plant: RandomPlant, earlier: readonly RequestDraw[], count: number): PlantModel[] {
  const models = Array.from({ length: count }, () => modelOf(plant));
  for (const d of earlier) {
    const holds = check(models[0]!, requestFor(plant, d)).holds;
    for (const m of models) addHolds(m, holds);
  }
  return models;
}

/** One line as fast-check draws it: indexes and offsets that `requestFor` fits to a plant. */
export interface LineDraw {
  sku: number;
  qty: number;
  day: number;
  /** Percent of list price: 70–110, so discounts and margins vary. */
  pricePct: number;
}
export interface RequestDraw {
  region: number;
  express: boolean;
  lines: LineDraw[];
}

export const lineDraw: fc.Arbitrary<LineDraw> = fc.record({
  sku: fc.nat({ max: 10 }),
  qty: fc.integer({ min: 1, max: 80 }),
  day: fc.nat({ max: 45 }),
  pricePct: fc.integer({ min: 70, max: 110 }),
});

export const requestDraw = (maxLines = 1): fc.Arbitrary<RequestDraw> =>
  fc.record({ region: fc.nat({ max: 3 }), express: fc.boolean(), lines: fc.array(lineDraw, { minLength: 1, maxLength: maxLines }) });

export const plantSeed = fc.integer({ min: 0, max: 1_000_000 });

export function plantOf(seed: number): RandomPlant {
  return randomPlant(seed);
}

export function requestFor(plant: RandomPlant, draw: RequestDraw): CheckRequestInput {
  const { region, express } = plant.regions[draw.region % plant.regions.length]!;
  return {
    customer: 'Property GmbH',
    region,
    mode: express && draw.express ? 'express' : 'standard',
    lines: draw.lines.map((l) => {
      const sku = plant.sellable[l.sku % plant.sellable.length]!;
      const list = plant.workbook.products.find((p) => p.sku === sku)!.list_price!;
      return { sku, qty: l.qty, requested_date: shiftDate(plant.asOf, l.day % (plant.horizonDays + 5)), unit_price: percentOf(list, l.pricePct) };
    }),
  };
}

/** `pct` % of a decimal price, to 2 decimals (exact: integer cents). */
function percentOf(price: string, pct: number): string {
  const [int = '0', frac = ''] = price.split('.');
  const e4 = BigInt(int + frac.padEnd(4, '0'));
  const cents = (e4 * BigInt(pct) + 5000n) / 10000n;
  const v = cents === 0n ? 1n : cents;
  return `${v / 100n}.${String(v % 100n).padStart(2, '0')}`;
}

/** Units: `null` (unlimited) is more than any number. */
export function unitsAtMost(a: number | null, b: number | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  return a <= b;
}

/** Dates: `null` (never) is later than any date. */
export function dateAtMost(a: string | null, b: string | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  return a <= b;
}
