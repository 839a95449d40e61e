import { runCheck } from '../../shared/engine';
import { bigRequest } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import { defineBench } from '../registry';
import { mean, percentile, round, timeMs } from '../stats';
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
    errors.length = 0;
    const times = requests
      .slice(20)
      .map((r) => timeMs(() => run(r)))
      .filter((t) => t.value)
      .map((t) => t.ms);
    if (errors.length) ctx.log(`  the engine threw on ${errors.length} checks: ${errors[0]}`);
    const p95 = percentile(times, 95);
    return [
      { name: 'check_p50_ms', value: round(percentile(times, 50)), note: `${times.length} checks of 10 lines${errors.length ? ` (${errors.length} more threw)` : ''}` },
      { name: 'check_p95_ms', value: round(p95), target: '< 10', met: p95 < 10 },
      { name: 'check_mean_ms', value: round(mean(times)) },
      { name: 'check_max_ms', value: round(Math.max(...times)) },
      { name: 'check_errors', value: errors.length, note: errors[0] ?? 'the engine answered every check' },
    ];
  },
});
