import { revalidatePromises } from '../../shared/engine';
import { countLabel, defineBench } from '../registry';
import { round, timeBoth } from '../stats';
import { bigFixture, holdsOf } from './big-plant-fixture';

/** Re-planning every open promise in confirm order, as a re-import or a capacity edit does. */
export const revalidate = defineBench({
  name: 'revalidate',
  description: 'revalidatePromises over every promise of the big plant',
  async run(ctx) {
    const fx = await bigFixture(ctx);
    // An approved promise's approvals cover the reasons it was confirmed with.
    const promises = fx.promises.map((p) => ({ id: p.id, request: p.request, covered: p.covered, holds: holdsOf(p), dispatchDates: p.dispatchDates }));
    const run = timeBoth(() => revalidatePromises(fx.plant.workbook, { asOf: fx.plant.asOf, dataVersion: 'bench-2' }, promises));
    const atRisk = run.value.outcomes.filter((o) => o.atRisk).length;
    // The target at ×10: every promise of the plant ten times larger replanned in < 10 s.
    const target = ctx.scale >= 10 ? 10_000 : null;
    return [
      {
        name: `revalidate_${countLabel(fx.promises.length)}_ms`,
        value: round(run.ms),
        ...(target ? { target: `< ${target}`, met: run.ms < target } : {}),
        note: `${atRisk} at risk (same workbook: expected 0); process CPU ${round(run.cpuMs)} ms`,
      },
    ];
  },
});
