/**
 * `confirm_p95_ms`: confirming a 10-line promise the way the app and the command line do: the
 * check against the database's holds, the write transaction with its holds-version test, and the
 * two signed summaries. The big plant is imported into a fresh SQLite file first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigPlant, bigRequest } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import { openDesk } from '../../main/desk/open-desk';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import { percentile } from '../stats';

export interface ConfirmLatency {
  p50: number;
  p95: number;
  max: number;
  /** Confirms that succeeded (and were timed) and those refused (not `ok`, timed apart). */
  confirmed: number;
  refused: number;
  refusedP95: number;
}

export async function measureConfirmLatency(opts: { confirms: number; lines?: number; log?: (m: string) => void }): Promise<ConfirmLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'confirm-bench-'));
  const plant = bigPlant(1);
  const desk = await openDesk(join(dir, 'bench.db'), { now: () => new Date(`${plant.asOf}T09:00:00Z`) });
  try {
    await desk.checks.store.importWorkbook(plant.workbook, { source: 'big plant', sha256: workbookSha256(plant.workbook), user: 'bench' }, revalidator(plant.asOf));
    const actor = await desk.people.localActor();
    const rng = new Rng(4242);
    const ok: number[] = [];
    const refused: number[] = [];
    for (let i = 0; ok.length < opts.confirms && i < opts.confirms * 20; i++) {
      const request = bigRequest(plant, rng, opts.lines ?? 10, { maxQty: 20 });
      // List price, so that commercial reasons do not turn most requests into approvals.
      for (const line of request.lines) line.unit_price = plant.workbook.products.find((p) => p.sku === line.sku)?.list_price ?? line.unit_price;
      const t0 = performance.now();
      const o = await desk.promises.confirm(actor, { request }, plant.asOf);
      (o.ok ? ok : refused).push(performance.now() - t0);
    }
    opts.log?.(`  ${ok.length} confirmed, ${refused.length} refused (not ok)`);
    return { p50: percentile(ok, 50), p95: percentile(ok, 95), max: Math.max(...ok), confirmed: ok.length, refused: refused.length, refusedP95: percentile(refused, 95) };
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
