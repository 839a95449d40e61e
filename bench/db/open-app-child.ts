/**
 * A process of its own that starts as the app does on the big plant's database: opens it, loads
 * the tables, builds the check service's model from the open holds, and answers a 10-line check.
 * Prints how long each step took and its peak memory as JSON. Run by the open-db bench
 * (`open_db_ms`, `app_start_rss_mb`): the bench's own process also holds the fixture it made the
 * database from, which the app never has.
 */
import { readFileSync } from 'node:fs';
import { SqliteStore } from '../../main/db/sqlite-store';
import { CheckService } from '../../main/services/check-service';

// The database, its as-of date and a 10-line request (JSON) made by the bench.
const [file, asOf, requestJson] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
const store = SqliteStore.open(file);
const checks = new CheckService(store, { now: () => new Date(`${asOf}T12:00:00`) });
const plant = await checks.loadPlant();
if (!plant) throw new Error('bench: the database has no plant');
const t1 = performance.now();
// The model with every open hold, as the first check builds it (and then keeps it).
if (!(await checks.model(asOf))) throw new Error('bench: no model');
const t2 = performance.now();
const answer = await checks.check(JSON.parse(requestJson), asOf);
// As the app does it, once, in a fresh process: what a salesperson waits for before the first answer.
const firstAnswerMs = Math.round(performance.now() - t0);
await store.close();
const [tablesMs, modelMs] = [Math.round(t1 - t0), Math.round(t2 - t1)];
process.stdout.write(`${JSON.stringify({ ok: answer.ok, tablesMs, modelMs, firstAnswerMs, maxRssMb: peakRssMb(), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) })}\n`);

/**
 * This process's own peak resident memory. Not `resourceUsage().maxRSS` where Linux has
 * /proc: a spawned process starts as a copy of its parent, and the kernel carries the copy's peak
 * over the exec into maxRSS, so it read the bench process's 750 MB at ×10 (a child of an 800 MB
 * parent that itself peaked at 45 MB read 803). VmHWM is the peak of this program alone.
 */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // no /proc (macOS, Windows): the resource usage, which may count the parent's copy
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
