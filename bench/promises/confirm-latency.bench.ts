import { defineBench } from '../registry';
import { round } from '../stats';
import { measureConfirmLatency } from './confirm-latency';

/** Confirming a 10-line promise on the big plant, database transaction and signatures included. */
export const confirmLatency = defineBench({
  name: 'confirm-latency',
  description: '10-line confirms on the big plant through the promise service and SQLite',
  async run(ctx) {
    const r = await measureConfirmLatency({ confirms: ctx.quick ? 20 : 100, log: ctx.log });
    return [
      { name: 'confirm_p50_ms', value: round(r.p50), note: `${r.confirmed} confirms of 10 lines` },
      { name: 'confirm_p95_ms', value: round(r.p95), note: `refused (not ok) checks: ${r.refused}, their p95 ${round(r.refusedP95)} ms` },
      { name: 'confirm_max_ms', value: round(r.max) },
    ];
  },
});
