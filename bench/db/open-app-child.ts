/**
 * A process of its own that starts as the app does on the big plant's database: opens it, loads
 * the tables, builds the check service's model from the open holds, and answers a 10-line check.
 * Prints how long it took to the first answer and its peak memory as JSON. Run by the open-db bench (`app_start_rss_mb`): the bench's own
 * process also holds the fixture it made the database from, which the app never has.
 */
import { SqliteStore } from '../../main/db/sqlite-store';
import { CheckService } from '../../main/services/check-service';

// The database, its as-of date and a 10-line request (JSON) made by the bench.
const [file, asOf, requestJson] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
const store = SqliteStore.open(file);
const checks = new CheckService(store, { now: () => new Date(`${asOf}T12:00:00`) });
const plant = await checks.loadPlant();
if (!plant) throw new Error('bench: the database has no plant');
const answer = await checks.check(JSON.parse(requestJson), asOf);
// As the app does it, once, in a fresh process: what a salesperson waits for before the first answer.
const firstAnswerMs = Math.round(performance.now() - t0);
await store.close();
process.stdout.write(`${JSON.stringify({ ok: answer.ok, firstAnswerMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) })}\n`);
