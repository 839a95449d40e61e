import { buildModel } from '../../shared/engine';
import { defineBench } from '../registry';
import { median, round, timeMs } from '../stats';
import { allHolds, bigFixture, DATA_VERSION } from './big-plant-fixture';

/** Building the model from the workbook and every promise's holds (what opening the app does). */
export const modelBuild = defineBench({
  name: 'model-build',
  description: 'buildModel on the big plant with the promises\' holds',
  async run(ctx) {
    const fx = await bigFixture(ctx);
    const holds = allHolds(fx);
    const times: number[] = [];
    for (let i = 0; i < (ctx.quick ? 2 : 5); i++)
      times.push(timeMs(() => buildModel(fx.plant.workbook, { asOf: fx.plant.asOf, dataVersion: DATA_VERSION, holds })).ms);
    return [
      { name: 'model_build_ms', value: round(median(times)), note: `median of ${times.length}; ${fx.promises.length} promises, ${holds.length} holds` },
      { name: 'promises', value: fx.promises.length, note: `made by ${fx.attempts} checks in ${(fx.setupMs / 1000).toFixed(1)} s` },
    ];
  },
});
