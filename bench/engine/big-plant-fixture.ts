/**
 * The big plant with its promises, shared by the engine benches: 2,000 finished goods, 60
 * resources, 3,000 components, a year's horizon, and 20,000 promises made the way the app makes
 * them: a random single-line request is checked, and if a plan delivers on time its holds are
 * added (an `ok` confirm, or one approved). `--quick` makes 2,000; `--scale N` makes the plant
 * and the promises N times larger.
 */
import { buildModel, checkAndHold, dispatchDatesOf, releaseHolds, validateRequest, type Hold, type PlantModel } from '../../shared/engine';
import type { CheckRequest, CheckRequestInput, CheckResult, ReasonCode } from '../../shared/schemas/check';
import { BIG_PLANT, bigPlant, bigRequest, type BigPlant } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import type { BenchContext } from '../registry';

/**
 * A promise as the bench keeps it. Its holds and check result are kept packed (JSON in buffers,
 * outside the JavaScript heap; `holdsOf` and `resultOf` give them back): the app keeps them in its
 * database, not in memory. As objects, 200,000 results (`--scale 10`) were a gigabyte the
 * collector walked during every figure; as JSON text, with the holds as objects, still 800 MB, and
 * a 10-line check on the ×10 plant waited for the collector twice as long as in the app.
 */
export interface BigPromise {
  id: string;
  request: CheckRequest;
  holdsPacked: Buffer;
  resultPacked: Buffer;
  /** What replanning needs of the result: the reason codes it was confirmed with, its lines' dispatch dates. */
  covered: ReasonCode[];
  dispatchDates: string[];
}

export interface BigFixture {
  plant: BigPlant;
  promises: BigPromise[];
  /** How many holds the promises have in all (`allHolds` gives them). */
  holdCount: number;
  /** The model with every promise's holds, grown one confirm at a time. */
  model: PlantModel;
  setupMs: number;
  attempts: number;
  /** Checks the engine threw on while making the promises (skipped). */
  errors: string[];
}

export const DATA_VERSION = 'bench-1';

export function parseRequest(model: PlantModel, input: CheckRequestInput): CheckRequest {
  const v = validateRequest(model, input);
  if (!v.ok) throw new Error(`bench request refused: ${JSON.stringify(v.issues)}`);
  return v.value;
}

export function bigFixture(ctx: BenchContext): Promise<BigFixture> {
  return ctx.fixture('big-plant-with-promises', () => {
    const target = (ctx.quick ? 2_000 : 20_000) * ctx.scale;
    const t0 = performance.now();
    const s = ctx.scale;
    const plant = bigPlant(1, { ...BIG_PLANT, finished: BIG_PLANT.finished * s, components: BIG_PLANT.components * s, resources: BIG_PLANT.resources * s });
    ctx.log(`  big plant: ${plant.workbook.products.length} products, ${plant.workbook.resources.length} resources, ${plant.horizonDays}-day horizon`);
    const model = buildModel(plant.workbook, { asOf: plant.asOf, dataVersion: DATA_VERSION, holds: [] });
    const rng = new Rng(20_000);
    const promises: BigPromise[] = [];
    let holdCount = 0;
    let attempts = 0;
    const errors: string[] = [];
    while (promises.length < target && attempts < target * 5) {
      attempts++;
      const request = parseRequest(model, bigRequest(plant, rng, 1, { maxQty: 30 }));
      let checked: ReturnType<typeof checkAndHold>;
      try {
        // Checked and held at once (runCheck then addHolds, without copying what the line takes);
        // alternatives are left out: nobody is offered them here, and they change no hold.
        checked = checkAndHold(model, request, { alternatives: false });
      } catch (e) {
        errors.push(String(e));
        continue;
      }
      const { result, holds } = checked;
      if (result.status === 'not_feasible') {
        releaseHolds(model, holds); // not promised: it holds nothing
        continue;
      }
      promises.push({
        id: `P-${promises.length + 1}`,
        request,
        holdsPacked: pack(holds),
        resultPacked: pack(result),
        covered: [...new Set(result.lines.flatMap((l) => l.reasons.map((r) => r.code)))],
        dispatchDates: dispatchDatesOf(result),
      });
      holdCount += holds.length;
      if (promises.length % (5000 * s) === 0) ctx.log(`  ${promises.length} promises (${attempts} checks)`);
    }
    const setupMs = performance.now() - t0;
    ctx.log(`  ${promises.length} promises from ${attempts} checks in ${(setupMs / 1000).toFixed(1)} s`);
    if (errors.length) ctx.log(`  the engine threw on ${errors.length} checks (skipped): ${errors[0]}`);
    return { plant, promises, holdCount, model, setupMs, attempts, errors };
  });
}

function pack(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function unpack<T>(packed: Buffer): T {
  return JSON.parse(packed.toString('utf8')) as T;
}

/** A promise's check result, as it was made. */
export function resultOf(p: BigPromise): CheckResult {
  return unpack<CheckResult>(p.resultPacked);
}

/** A promise's holds, as it was made (new objects each time). */
export function holdsOf(p: BigPromise): Hold[] {
  return unpack<Hold[]>(p.holdsPacked);
}

/** Every promise's holds, in confirm order. */
export function allHolds(fx: BigFixture): Hold[] {
  return fx.promises.flatMap(holdsOf);
}
