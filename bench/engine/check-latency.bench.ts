import { runCheck } from '../../shared/engine';
import { bigRequest } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import { defineBench } from '../registry';
import { mean, median, percentile, round, timeBoth } from '../stats';
import { bigFixture, parseRequest } from './big-plant-fixture';

/** A 10-line check on the big plant with its promises: what a salesperson waits for. */
export const checkLatency = defineBench({
  name: 'check-latency',
  description: '10-line checks on the big plant with the promises held',
  async run(ctx) {
    const fx = await bigFixture(ctx);
    const rng = new Rng(10);
    const n = ctx.quick ? 100 : 500;
    const requests = Array.from({ length: n + 20 }, () => parseRequest(fx.model, bigRequest(fx.plant, rng, 10, { maxQty: 200 })));
    // A check the engine throws on is left out of the timings and counted instead.
    const errors: string[] = [];
    const run = (r: (typeof requests)[number]): boolean => {
      try {
        runCheck(fx.model, r);
        return true;
      } catch (e) {
        errors.push(String(e));
        return false;
      }
    };
    for (const r of requests.slice(0, 20)) run(r); // warm-up: JIT, caches
    // Several rounds over the same checks; each figure is the median over rounds, so that one
    // burst of load on a shared machine does not decide it.
    const rounds = ctx.quick ? 1 : 3;
    const perRound: { p50: number; p95: number; mean: number; max: number; cpuP95: number; n: number }[] = [];
    /** Per check, its fastest round: the check's own cost, without another process's bursts or a GC pause. */
    const best = new Map<number, number>();
    for (let k = 0; k < rounds; k++) {
      errors.length = 0;
      const answered = requests
        .slice(20)
        .map((r, i) => ({ i, ...timeBoth(() => run(r)) }))
        .filter((t) => t.value);
      for (const t of answered) best.set(t.i, Math.min(best.get(t.i) ?? Infinity, t.ms));
      const times = answered.map((t) => t.ms);
      const cpu = answered.map((t) => t.cpuMs);
      perRound.push({ p50: percentile(times, 50), p95: percentile(times, 95), mean: mean(times), max: Math.max(...times), cpuP95: percentile(cpu, 95), n: times.length });
    }
    if (errors.length) ctx.log(`  the engine threw on ${errors.length} checks: ${errors[0]}`);
    const mid = (f: (r: (typeof perRound)[number]) => number) => median(perRound.map(f));
    const p95 = mid((r) => r.p95);
    const limit = ctx.scale >= 10 ? 5 : 10;
    return [
      { name: 'check_p50_ms', value: round(mid((r) => r.p50)), note: `${perRound[0]!.n} checks of 10 lines, median of ${rounds} rounds${errors.length ? ` (${errors.length} more threw)` : ''}` },
      // Stricter on the plant ten times larger: a check's cost should not grow with the plant.
      { name: 'check_p95_ms', value: round(p95), target: `< ${limit}`, met: p95 < limit, note: `rounds: ${perRound.map((r) => round(r.p95)).join(', ')}` },
      { name: 'check_p95_best_of_rounds_ms', value: round(percentile([...best.values()], 95)), note: `p95 over checks of each check's fastest of ${rounds} rounds` },
      {
        name: 'check_p95_cpu_ms',
        value: round(mid((r) => r.cpuP95)),
        note: 'process CPU time (user + system, all threads including GC) per check',
      },
      { name: 'check_mean_ms', value: round(mid((r) => r.mean)) },
      { name: 'check_max_ms', value: round(mid((r) => r.max)) },
      { name: 'check_errors', value: errors.length, note: errors[0] ?? 'the engine answered every check' },
    ];
  },
});
