/**
 * `table_edit_revalidate_20k_ms`: an operations edit saved the way the app saves it (the table-edit
 * service: validated again, written, recorded in the history with a new data version) on the big
 * plant in SQLite with its 20,000 open promises, which are all planned again in that transaction.
 * The edit cuts a resource calendar by a quarter, so some promises fall at risk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_ACTOR } from '../../main/access/authorize';
import { SqliteOperationsStore } from '../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import { CheckService } from '../../main/services/check-service';
import { previewTableEdits, saveTableEdits } from '../../main/services/table-edit-service';
import { rowToCells } from '../../shared/edits/cells';
import { bigDatabase } from '../db/big-database';
import { countLabel, defineBench } from '../registry';
import { round } from '../stats';

export const tableEdit = defineBench({
  name: 'table-edit',
  description: 'a capacity edit saved through the table-edit service, replanning every open promise of the big plant in SQLite',
  async run(ctx) {
    const big = await bigDatabase(ctx);
    const fx = big.fx;
    const dir = mkdtempSync(join(tmpdir(), 'table-edit-bench-'));
    const store = SqliteStore.open(big.copyTo(dir));
    try {
      const asOf = fx.plant.asOf;
      const ops = new SqliteOperationsStore(store.db);
      const wb = fx.plant.workbook;
      const checks = new CheckService(store, { now: () => new Date(`${asOf}T12:00:00`) });
      await checks.loadPlant(); // the app has the tables loaded already
      const i = wb.calendars.findIndex((c) => c.calendar_id === 'WD16');
      const cut = (h: string) => String(Number(h) * 0.75);
      const c = wb.calendars[i]!;
      const cells = { ...rowToCells('calendars', c), mon: cut(c.mon), tue: cut(c.tue), wed: cut(c.wed), thu: cut(c.thu), fri: cut(c.fri) };
      // First what the save would do to the open promises (shown before saving), then the save.
      const c0 = process.cpuUsage();
      const p0 = performance.now();
      const preview = await previewTableEdits({ checks, ops }, LOCAL_ACTOR, (await store.dataVersion())!, [{ table: 'calendars', updates: [{ index: i, cells }], inserts: [], deletes: [] }], { asOf });
      const previewMs = performance.now() - p0;
      const previewCpu = process.cpuUsage(c0);
      if (!preview.ok) throw new Error('bench: the preview was refused');
      const c1 = process.cpuUsage();
      const t0 = performance.now();
      const r = await saveTableEdits({ checks, ops }, LOCAL_ACTOR, (await store.dataVersion())!, [{ table: 'calendars', updates: [{ index: i, cells }], inserts: [], deletes: [] }], { asOf });
      const ms = performance.now() - t0;
      const saveCpu = process.cpuUsage(c1);
      const cpuMs = (c: NodeJS.CpuUsage) => round((c.user + c.system) / 1000);
      if (!r.ok) throw new Error(`bench: the edit was refused: ${JSON.stringify(r).slice(0, 300)}`);
      const n = r.revalidated.length;
      // The issue's < 1,000 ms is for the big plant's 20,000 promises; at ×10 the figures are shown
      // without it (a judgement the JSON would otherwise make against a target nobody set).
      const target = (ms: number) => (ctx.scale === 1 ? { target: '< 1000', met: ms < 1000 } : {});
      return [
        {
          name: `edit_impact_preview_${countLabel(n)}_ms`,
          value: round(previewMs),
          ...target(previewMs),
          note: `process CPU ${cpuMs(previewCpu)} ms; ${preview.impact.open} open promises replanned in memory; ${preview.impact.becomeAtRisk.length} would become at risk (the save then flags ${r.atRisk.length})`,
        },
        {
          name: `table_edit_revalidate_${countLabel(n)}_ms`,
          value: round(ms),
          ...target(ms),
          note: `process CPU ${cpuMs(saveCpu)} ms; ${n} open promises replanned in the save's transaction; ${r.atRisk.length} now at risk (WD16 cut by a quarter)`,
        },
      ];
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
