import { runCheck } from '../../shared/engine';
import { bigRequest } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import { comparePlans } from '../../test/support/compare-plans';
import { loadReferenceSolver } from '../../test/support/ip-solver';
import { defineBench } from '../registry';
import { mean, round, timeMs } from '../stats';
import { allHolds, bigFixture, parseRequest } from './big-plant-fixture';

/**
 * The same single-line checks through the engine and through the reference integer program
 * (HiGHS) on the big plant with its promises held: how much faster the engine is, and whether the
 * two give the same quantities and dates on every plan.
 */
export const solverSpeedup = defineBench({
  name: 'solver-speedup',
  description: 'engine vs the reference IP on single-line checks (big plant, promises held)',
  async run(ctx) {
    const fx = await bigFixture(ctx);
    const solver = await loadReferenceSolver();
    const setup = timeMs(() => solver.facts(fx.plant.workbook, fx.plant.asOf, allHolds(fx)));
    const facts = setup.value;
    const rng = new Rng(77);
    const n = ctx.quick ? 10 : 40;
    const requests = Array.from({ length: n }, () => parseRequest(fx.model, bigRequest(fx.plant, rng, 1, { maxQty: 200 })));
    const answers = (req: (typeof requests)[number]) => {
      try {
        return runCheck(fx.model, req);
      } catch (e) {
        return e as Error;
      }
    };
    for (const r of requests.slice(0, 5)) answers(r);

    const engineMs: number[] = [];
    const solverMs: number[] = [];
    let agreed = 0;
    const mismatches: string[] = [];
    const solvesBefore = solver.solves;
    for (const req of requests) {
      const reps = 20;
      const eng = timeMs(() => {
        let last!: ReturnType<typeof answers>;
        for (let i = 0; i < reps; i++) last = answers(req);
        return last;
      });
      const line = req.lines[0]!;
      const ref = timeMs(() => solver.plans(facts, { sku: line.sku, qty: line.qty, requested_date: line.requested_date, region: req.region, mode: req.mode }));
      // Only checks the engine answered count for the speed ratio.
      if (!(eng.value instanceof Error)) {
        engineMs.push(eng.ms / reps);
        solverMs.push(ref.ms);
      }
      const diff = eng.value instanceof Error ? [`engine threw: ${eng.value.message}`] : comparePlans(eng.value.result.lines[0]!.plans, ref.value);
      if (diff.length === 0) agreed++;
      else mismatches.push(`${line.sku} ${line.qty} by ${line.requested_date} to ${req.region}: ${diff.join('; ')}`);
    }
    for (const m of mismatches.slice(0, 5)) ctx.log(`  MISMATCH ${m}`);
    const speedup = mean(solverMs) / mean(engineMs);
    return [
      { name: 'solver_speedup', value: Math.round(speedup), target: '>= 100 with the same quantities', met: speedup >= 100 && agreed === n },
      { name: 'solver_agreement', value: `${agreed}/${n}`, note: mismatches[0] ?? 'every plan: latest dispatch, available, earliest' },
      { name: 'engine_single_line_mean_ms', value: round(mean(engineMs)) },
      { name: 'solver_single_line_mean_ms', value: round(mean(solverMs)), note: `${((solver.solves - solvesBefore) / n).toFixed(1)} MIPs a check` },
      { name: 'solver_setup_ms', value: round(setup.ms), note: 'reference facts from the workbook and holds (not in the ratio)' },
    ];
  },
});
