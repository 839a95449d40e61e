import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeWorkbook, timeImport } from './import-workbook';
import { bigDatabase } from './big-database';
import { bigRequest } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import { defineBench } from '../registry';
import { median, round } from '../stats';

/** Importing a workbook of 100,000 rows (CSV folder and .xlsx), file to committed transaction. */
export const importLarge = defineBench({
  name: 'import',
  description: 'import a 100,000-row workbook into a new database (read, validate, store)',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'promise-bench-import-'));
    try {
      // Untimed first: a small workbook through both readers, so that the figures are of an import
      // in a process that has run one, wherever the bench runs (alone, `--only import`, it measured
      // 1.3–1.5 s for the .xlsx, 1.06 after other benches): not of compiling readers and schemas.
      const small = largeWorkbook(5_000);
      await timeImport(join(dir, 'warm-csv'), { format: 'csv', workbook: small });
      await timeImport(join(dir, 'warm-xlsx'), { format: 'xlsx', workbook: small });
      const wb = largeWorkbook(ctx.quick ? 20_000 : 100_000);
      const csv = await timeImport(join(dir, 'csv'), { format: 'csv', workbook: wb });
      const xlsx = await timeImport(join(dir, 'xlsx'), { format: 'xlsx', workbook: wb });
      const name = ctx.quick ? 'import_20k_rows_s' : 'import_100k_rows_s';
      return [
        { name, value: round(csv.totalMs / 1000), target: '< 5', met: csv.totalMs < 5000, note: `CSV folder, ${csv.rows} rows: read and validate ${round(csv.readMs)} ms, store ${round(csv.storeMs)} ms` },
        // Issue #15's target is for 100,000 rows (not for --quick's 20,000).
        {
          name: name.replace('_s', '_xlsx_s'),
          value: round(xlsx.totalMs / 1000),
          ...(ctx.quick ? {} : { target: '< 2', met: xlsx.totalMs < 2000 }),
          note: `.xlsx, read and validate ${round(xlsx.readMs)} ms, store ${round(xlsx.storeMs)} ms`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

/**
 * Opening the database of the benchmark plant with its 20,000 promises and building the engine's
 * model from it: what the app does at start and the CLI on every command. Measured in processes of
 * their own, as the app starts: in the bench process, beside the fixture the database was made from
 * (2 GB at ×10), the collector walked that fixture again and again while the model was built (the
 * ×10 open took 4.4 s there and 3.3 s in a process of its own, one after the other).
 */
export const openDb = defineBench({
  name: 'open-db',
  description: 'open the benchmark plant database (20,000 promises) and build the engine model from it, in processes of their own',
  async run(ctx) {
    const big = await bigDatabase(ctx);
    const fx = big.fx;
    const dir = mkdtempSync(join(tmpdir(), 'promise-bench-open-'));
    const file = big.copyTo(dir);
    try {
      const request = JSON.stringify(bigRequest(fx.plant, new Rng(5), 10, { maxQty: 200 }));
      const starts = Array.from({ length: ctx.quick ? 2 : 5 }, () => {
        // This process collected first: its collector's threads kept working on the fixture while
        // it waited, on one of the machine's two cores (the ×10 starts took 3.3–4.8 s, rising,
        // and 3.0–3.2 s each after a collection, as when started by hand).
        (globalThis as { gc?: () => void }).gc?.();
        return appStart(file, fx.plant.asOf, request);
      });
      const open = median(starts.map((s) => s.tablesMs + s.modelMs));
      const target = ctx.scale >= 10 ? 5000 : null;
      const memTarget = ctx.scale >= 10 ? 2048 : null;
      const peak = Math.max(...starts.map((s) => s.maxRssMb));
      const each = (f: (s: AppStart) => number) => starts.map(f).join(', ');
      return [
        {
          name: 'open_db_ms',
          value: round(open),
          ...(target ? { target: `< ${target}`, met: open < target } : {}),
          note: `median of ${starts.length} processes started as the app starts (nothing compiled yet): open and read the tables ${each((s) => s.tablesMs)} ms, read ${fx.holdCount} holds and build the model from them ${each((s) => s.modelMs)} ms; the first answer of a 10-line check after ${each((s) => s.firstAnswerMs)} ms`,
        },
        {
          name: 'app_start_rss_mb',
          value: peak,
          ...(memTarget ? { target: `< ${memTarget}`, met: peak < memTarget } : {}),
          note: `the highest peak memory of those processes (${starts.every((s) => s.ok) ? 'each answered' : 'not every one answered'}); JavaScript heap after the answer ${each((s) => s.heapMb)} MB`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

interface AppStart {
  ok: boolean;
  tablesMs: number;
  modelMs: number;
  firstAnswerMs: number;
  maxRssMb: number;
  heapMb: number;
}

/** Starts as the app does in a process of its own (open-app-child.ts) and reads its steps' times and peak memory. */
function appStart(file: string, asOf: string, request: string): AppStart {
  const child = new URL('./open-app-child.ts', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [...process.execArgv, child, file, asOf, request], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench: the app start failed: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as AppStart;
}
