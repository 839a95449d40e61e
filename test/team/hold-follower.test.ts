/**
 * Following other processes' holds: a confirm by one process is heard by another's follower, and
 * when the follower's connection is killed it reconnects by itself and reports what was committed
 * while it was away (NOTIFY is not delivered while disconnected), so the model catches up.
 */
import { describe, expect, it } from 'vitest';
import { HoldFollower } from '../../main/db/postgres/hold-follower';
import { hasPostgres } from '../support/postgres';
import { Clock, request, teamDatabaseWithPlant, teamDesk } from '../support/team-desk';
import { plantDir } from '../unit/promises/plant';

async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!hasPostgres())('following the hold log', () => {
  it('hears another process confirm, and catches up after its connection is killed', async () => {
    const url = await teamDatabaseWithPlant(plantDir);
    const clock = new Clock();
    const a = await teamDesk(url, clock);
    const b = await teamDesk(url, clock);
    const follower = await HoldFollower.start(url, { pollMs: 60_000 });
    const seen: number[] = [];
    // B's model follows: on every version, catch up from the log.
    follower.subscribe((v) => {
      seen.push(v);
      void b.checks.model('2026-03-02');
    });
    try {
      const actor = await a.people.localActor();
      const before = await b.checks.check(request(10), '2026-03-02');
      expect(before.ok && before.result.status).toBe('ok');
      const first = await a.promises.confirm(actor, { request: request(10) });
      expect(first.ok).toBe(true);
      const v1 = await a.store.holdsVersion();
      await until(() => seen.includes(v1));

      // Kill the follower's connection; confirm while it is away.
      await a.store.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'promise-desk-follow'`);
      await a.promises.cancel(actor, first.ok ? first.id : '');
      const second = await a.promises.confirm(actor, { request: request(12) });
      expect(second.ok).toBe(true);
      const v2 = await a.store.holdsVersion();
      await until(() => follower.current >= v2);
      // B's model sees the 12 units held: 10 more do not fit on regular hours.
      await until(async () => {
        const c = await b.checks.check(request(10), '2026-03-02');
        return c.ok && c.result.status !== 'ok';
      });
    } finally {
      await follower.stop();
      await a.close();
      await b.close();
    }
  }, 60_000);
});
