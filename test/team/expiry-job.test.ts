/**
 * Hold expiry is one job across instances: two processes run it at once, each lapsed promise is
 * expired exactly once (SKIP LOCKED), and while the job runs checks do no expiry work of their own.
 */
import { describe, expect, it } from 'vitest';
import { hasPostgres } from '../support/postgres';
import { Clock, request, teamDatabaseWithPlant, teamDesk } from '../support/team-desk';
import { plantDir } from '../unit/promises/plant';
import { missing } from '../support/requires';

describe.skipIf(missing('PostgreSQL', hasPostgres()))('hold expiry on a team database', () => {
  it('two instances running the job expire each lapsed promise once', async () => {
    const url = await teamDatabaseWithPlant(plantDir);
    const clock = new Clock();
    const a = await teamDesk(url, clock);
    const b = await teamDesk(url, clock);
    const stops: (() => void)[] = [];
    try {
      const past = new Date(Date.now() - 1000).toISOString();
      for (const qty of [2, 3, 4]) {
        const c = await a.checks.check(request(qty), '2026-03-02');
        if (!c.ok) throw new Error('check failed');
        const r = await a.store.recordPromise({ status: 'awaiting_approval', request: c.request, result: c.result, holds: c.holds, user: 's', holdExpiresAt: past }, c.holdsVersion);
        expect(r.ok).toBe(true);
      }
      stops.push(a.store.startExpiryJob(20), b.store.startExpiryJob(20));
      // With the job on, a check's own expiry does nothing.
      expect(await a.store.expireHolds(new Date().toISOString())).toEqual([]);
      const end = Date.now() + 15_000;
      while ((await a.store.listPromises({ status: 'expired' })).length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect((await a.store.listPromises({ status: 'expired' })).map((p) => p.id)).toEqual(['P-000001', 'P-000002', 'P-000003']);
      const events = await a.store.pool.query<{ n: number }>(`SELECT count(*) AS n FROM promise_events WHERE to_status = 'expired'`);
      expect(events.rows[0]!.n).toBe(3);
      expect(await a.store.loadOpenHolds()).toEqual([]);
    } finally {
      for (const s of stops) s();
      await a.close();
      await b.close();
    }
  }, 60_000);

  it('runs on the clock it is given: a server on a fixed day expires by that day, not by the wall clock', async () => {
    const url = await teamDatabaseWithPlant(plantDir);
    const clock = new Clock();
    const a = await teamDesk(url, clock);
    const stops: (() => void)[] = [];
    try {
      // Lapses in a year by the wall clock; the job's clock is two years ahead.
      const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString();
      const c = await a.checks.check(request(2), '2026-03-02');
      if (!c.ok) throw new Error('check failed');
      expect((await a.store.recordPromise({ status: 'awaiting_approval', request: c.request, result: c.result, holds: c.holds, user: 's', holdExpiresAt: nextYear }, c.holdsVersion)).ok).toBe(true);
      const c2 = await a.checks.check(request(3), '2026-03-02');
      if (!c2.ok) throw new Error('check failed');
      const farAway = new Date(Date.now() + 3 * 365 * 86_400_000).toISOString();
      expect((await a.store.recordPromise({ status: 'awaiting_approval', request: c2.request, result: c2.result, holds: c2.holds, user: 's', holdExpiresAt: farAway }, c2.holdsVersion)).ok).toBe(true);
      stops.push(a.store.startExpiryJob(20, undefined, () => new Date(Date.now() + 2 * 365 * 86_400_000)));
      const end = Date.now() + 15_000;
      while ((await a.store.listPromises({ status: 'expired' })).length < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100)); // a few more runs of the job: the second stays
      expect((await a.store.listPromises({ status: 'expired' })).map((p) => p.id)).toEqual(['P-000001']);
      expect((await a.store.listPromises({ status: 'awaiting_approval' })).map((p) => p.id)).toEqual(['P-000002']);
    } finally {
      for (const s of stops) s();
      await a.close();
    }
  }, 60_000);
});
