/**
 * The big plant and its promises stored once per run in a SQLite file (imported with history,
 * then each promise recorded through the store as the app records it); the benches that need a
 * database copy the file. The promises are recorded inside one transaction: each store call
 * becomes a savepoint of it, so the rows are the store's own while 200,000 of them (`--scale 10`)
 * take a minute, not an hour of commits.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteOperationsStore } from '../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import { bigFixture, holdsOf, resultOf, type BigFixture } from '../engine/big-plant-fixture';
import type { BenchContext } from '../registry';

export interface BigDatabase {
  fx: BigFixture;
  /** Copies the stored database to a new file in `dir` and returns its path. */
  copyTo(dir: string): string;
  storeMs: number;
}

export function bigDatabase(ctx: BenchContext): Promise<BigDatabase> {
  return ctx.fixture('big-plant-database', async () => {
    const fx = await bigFixture(ctx);
    const dir = mkdtempSync(join(tmpdir(), 'promise-bench-db-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'big.db');
    const t0 = performance.now();
    const store = SqliteStore.open(file);
    try {
      const wb = fx.plant.workbook;
      await new SqliteOperationsStore(store.db).importWithHistory(wb, { source: 'big plant', sha256: workbookSha256(wb), user: 'bench' }, revalidator(fx.plant.asOf));
      store.db.exec('BEGIN IMMEDIATE');
      try {
        let version = await store.holdsVersion();
        for (const p of fx.promises) {
          const r = await store.recordPromise({ status: 'confirmed', request: p.request, result: resultOf(p), holds: holdsOf(p), user: 'bench' }, version);
          if (!r.ok) throw new Error('bench: a promise was refused');
          version = r.holdsVersion;
        }
        store.db.exec('COMMIT');
      } catch (e) {
        store.db.exec('ROLLBACK');
        throw e;
      }
    } finally {
      await store.close();
    }
    const storeMs = performance.now() - t0;
    ctx.log(`  ${fx.promises.length} promises stored in ${(storeMs / 1000).toFixed(1)} s`);
    return {
      fx,
      storeMs,
      copyTo(target: string) {
        const to = join(target, 'big.db');
        copyFileSync(file, to);
        return to;
      },
    };
  });
}
