/**
 * The team server's figures, measured through HTTP on two server instances over one PostgreSQL
 * (a throw-away one, fsync off as in the tests), on the big plant (test/fixtures/big-plant.ts):
 * a 10-line check, confirms by 6 sellers at once on different resources, the throughput of 50
 * sellers, and how soon another process's hold follower sees a confirm.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createClient } from '../../main/db/postgres/connection';
import { HoldFollower } from '../../main/db/postgres/hold-follower';
import { openPostgres } from '../../main/db/postgres/open-postgres';
import { startThrowawayPostgres } from '../../main/db/postgres/throwaway-server';
import { PeopleService } from '../../main/people/people-service';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import { TeamClient } from '../../main/team-client/team-client';
import type { CheckRequestInput } from '../../shared/schemas/check';
import { bigPlant, bigRequest, type BigPlant } from '../../test/fixtures/big-plant';
import { Rng } from '../../test/fixtures/rng';
import { percentile } from '../stats';

const PASS = 'correct horse battery';
const FAST = { N: 2 ** 10, r: 8, p: 1 };

export interface TeamFigures {
  checkP95: number;
  confirmP95: number;
  confirmP50: number;
  confirms6: number;
  confirmsPerS50: number;
  confirms50: number;
  followP95: number;
  /** Where the CPU went while the 6 and the 50 sellers confirmed. */
  cpu6: CpuUse;
  cpu50: CpuUse;
}

/** CPU time spent during a stretch of wall time: by the whole machine, and by this process (the sellers and both instances). */
export interface CpuUse {
  wallMs: number;
  machineMs: number;
  processMs: number;
  cores: number;
}

/** Starts measuring; the function returned ends it. */
function cpuUse(): () => CpuUse {
  const busy = () => cpus().reduce((t, c) => t + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
  const [m0, p0, w0] = [busy(), process.cpuUsage(), performance.now()];
  return () => {
    const p = process.cpuUsage(p0);
    return { wallMs: performance.now() - w0, machineMs: busy() - m0, processMs: (p.user + p.system) / 1000, cores: cpus().length };
  };
}

/** Requests of one line whose products are made only on the resources of group `g` of `groups`. */
function groupRequests(plant: BigPlant, g: number, groups: number): (rng: Rng) => CheckRequestInput {
  const resources = [...new Set(plant.workbook.routings.map((r) => r.resource_id))].sort();
  const mine = new Set(resources.filter((_, i) => i % groups === g));
  const bySku = new Map<string, string[]>();
  for (const r of plant.workbook.routings) bySku.set(r.sku, [...(bySku.get(r.sku) ?? []), r.resource_id]);
  const skus = [...bySku].filter(([, rs]) => rs.every((r) => mine.has(r))).map(([s]) => s);
  const prices = new Map(plant.workbook.products.map((p) => [p.sku, p.list_price]));
  return (rng) => {
    const base = bigRequest(plant, rng, 1, { maxQty: 5 });
    const sku = rng.pick(skus);
    return { ...base, lines: [{ ...base.lines[0]!, sku, unit_price: prices.get(sku) ?? base.lines[0]!.unit_price }] };
  };
}

async function signedIn(url: string): Promise<TeamClient> {
  const c = new TeamClient({ url });
  const r = await c.signIn('sam', PASS);
  if (!r.ok || !r.value.signed_in) throw new Error('bench seller could not sign in');
  return c;
}

/** Sellers signed in one after another: at once, sign-ins of one name from one address are throttled. */
async function signedInAll(urls: readonly string[]): Promise<TeamClient[]> {
  const out: TeamClient[] = [];
  for (const u of urls) out.push(await signedIn(u));
  return out;
}

export async function measureTeamServer(opts: { quick: boolean; log: (m: string) => void }): Promise<TeamFigures> {
  const pg = await startThrowawayPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'team-bench-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  const closers: (() => Promise<void>)[] = [() => pg.dispose()];
  try {
    const admin = createClient(pg.url);
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const url = pg.urlFor('bench');
    const plant = bigPlant(1);
    const db = await openPostgres(url);
    await db.store.importWorkbook(plant.workbook, { source: 'big plant', sha256: workbookSha256(plant.workbook), user: 'bench' }, revalidator(plant.asOf));
    const people = new PeopleService(db.people, { scryptCost: FAST });
    const a0 = await people.addUser(null, 'admin', 'admin', PASS);
    await people.addUser(await people.signIn(a0.name, PASS), 'sam', 'sales', PASS);
    await db.store.close();
    opts.log('  big plant imported; two server instances starting');

    // Two instances, each on a thread of its own (see team-instance-worker.ts).
    const instance = async (): Promise<{ url: string }> => {
      const worker = new Worker(new URL('./team-instance-worker.ts', import.meta.url), { workerData: { url, asOf: plant.asOf, rendererDir: dir } });
      const started = await new Promise<{ url: string }>((ok, fail) => {
        worker.once('message', ok);
        worker.once('error', fail);
      });
      closers.unshift(async () => {
        const closed = new Promise((r) => worker.once('message', r));
        worker.postMessage('close');
        await closed;
        await worker.terminate();
      });
      return { url: started.url };
    };
    const [a, b] = await Promise.all([instance(), instance()]);
    const rng = new Rng(99);

    // Steady state, as a server that has run a while (not measured): each instance's code compiled
    // by the JIT, and its pooled connections having confirmed before. A connection's first confirm
    // is slower (PostgreSQL prepares the trigger and foreign-key checks per connection): warmed by
    // one seller per instance, the six sellers' first confirms took 70-170 ms in their burst at the
    // start. So four sellers per instance confirm at once first, on resources of their own.
    const warm = await signedInAll(Array.from({ length: 8 }, (_, i) => (i % 2 ? b : a).url));
    for (const s of warm.slice(0, 2)) {
      for (let k = 0; k < 40; k++) await s.call('check:run', { request: bigRequest(plant, rng, 10, { maxQty: 20 }) });
    }
    await Promise.all(
      warm.map(async (s, i) => {
        const make = groupRequests(plant, i, warm.length);
        const own = new Rng(77 + i);
        for (let k = 0; k < 5; k++) await s.call('promises:confirm', { request: make(own) });
      }),
    );

    // A 10-line check through the server, one seller, one after the other.
    const checker = await signedIn(a.url);
    const checks: number[] = [];
    for (let i = 0; i < (opts.quick ? 20 : 100); i++) {
      const request = bigRequest(plant, rng, 10, { maxQty: 20 });
      const t0 = performance.now();
      const r = await checker.call('check:run', { request });
      if (r.ok) checks.push(performance.now() - t0);
    }

    // Six sellers at once, three on each instance, each on resources of its own.
    const six = await signedInAll([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? b : a).url));
    // Each seller's requests made ready before the clock starts: made inside, the later sellers'
    // set-up kept this thread (which reads every seller's answers) busy while the first waited.
    const makers = six.map((_, i) => groupRequests(plant, i, 6));
    const confirms: number[] = [];
    const perSeller = opts.quick ? 5 : 50;
    const during6 = cpuUse();
    await Promise.all(
      six.map(async (s, i) => {
        const make = makers[i]!;
        const own = new Rng(1000 + i);
        for (let k = 0; k < perSeller; k++) {
          const t0 = performance.now();
          const r = await s.call('promises:confirm', { request: make(own) });
          if (r.ok && r.value.done) confirms.push(performance.now() - t0);
        }
      }),
    );

    const cpu6 = during6();

    // Fifty sellers, 25 on each instance, any products.
    const fifty = await signedInAll(Array.from({ length: 50 }, (_, i) => (i % 2 ? b : a).url));
    let done50 = 0;
    const t50 = performance.now();
    const during50 = cpuUse();
    await Promise.all(
      fifty.map(async (s, i) => {
        const own = new Rng(5000 + i);
        for (let k = 0; k < (opts.quick ? 2 : 6); k++) {
          const r = await s.call('promises:confirm', { request: bigRequest(plant, own, 1, { maxQty: 3 }) });
          if (r.ok && r.value.done) done50++;
        }
      }),
    );
    const perS = done50 / ((performance.now() - t50) / 1000);
    const cpu50 = during50();

    // Another process's hold follower: from the seller being told "confirmed" to the follower's notice.
    const follower = await HoldFollower.start(url);
    closers.unshift(() => follower.stop());
    const follows: number[] = [];
    const seller = six[0]!;
    const make = groupRequests(plant, 0, 6);
    for (let i = 0; i < (opts.quick ? 10 : 50); i++) {
      let noticed = -1;
      const off = follower.subscribe(() => {
        if (noticed < 0) noticed = performance.now();
      });
      const r = await seller.call('promises:confirm', { request: make(rng) });
      const told = performance.now();
      if (r.ok && r.value.done) {
        while (noticed < 0 && performance.now() - told < 2000) await new Promise((w) => setTimeout(w, 1));
        // A notice that came before the answer counts as 0: the follower knew before the seller.
        follows.push(Math.max(0, noticed - told));
      }
      off();
    }
    for (const c of [...warm, checker, ...six, ...fifty]) c.close();
    return { checkP95: percentile(checks, 95), confirmP95: percentile(confirms, 95), confirmP50: percentile(confirms, 50), confirms6: confirms.length, confirmsPerS50: perS, confirms50: done50, followP95: percentile(follows, 95), cpu6, cpu50 };
  } finally {
    for (const c of closers) await c().catch(() => undefined);
  }
}
