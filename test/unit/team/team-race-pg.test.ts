/**
 * Many sellers, two team server instances, one team database (a real PostgreSQL started by the
 * test run): the last capacity goes to exactly one seller in every round, the others are refused
 * with the reason; a confirm through one instance is seen by a check through the other within
 * 250 ms, and its change event reaches a window signed in on the other.
 *
 * The plant (test/fixtures/promise-plant.ts, every day open): machine M1 gives 8 regular hours a
 * day from the as-of day, one unit an hour, 1 day transit. A delivery by 2026-03-04 ships on the
 * 3rd: 16 regular units (Monday and Tuesday); each later day adds 8. So round 1 races for 16
 * units by the 4th, and round r for 8 units by 4th + (r − 1): whoever wins takes the last regular
 * hours, and every other seller's check needs overtime (needs approval): refused, not confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamClient } from '../../../main/team-client/team-client';
import { followChanges } from '../../../main/team-client/event-stream';
import type { ChangeEvent } from '../../../main/web/change-events';
import { request } from '../../fixtures/promise-plant';
import { freshDatabase, hasPostgres } from '../../support/postgres';
import { rendererDir, seedTeamDatabase, seller, signInSellers, startInstance, type Instance } from './team-instances';

const day = (n: number) => new Date(Date.UTC(2026, 2, 4 + n)).toISOString().slice(0, 10);
let a: Instance;
let b: Instance;

describe.skipIf(!hasPostgres())('two instances on one team database', () => {
  beforeAll(async () => {
    const url = await freshDatabase('race');
    await seedTeamDatabase(url);
    const dir = rendererDir();
    [a, b] = await Promise.all([startInstance(url, dir), startInstance(url, dir)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function race(sellers: TeamClient[], round: number): Promise<void> {
    const answers = await Promise.all(sellers.map((s) => s.call('promises:confirm', { request: request(round === 0 ? 16 : 8, '100', day(round)) })));
    const done = answers.filter((r) => r.ok && r.value.done);
    const refused = answers.filter((r) => r.ok && !r.value.done);
    expect(done, `round ${round}: ${JSON.stringify(answers.map((r) => (r.ok ? r.value.message : r.error.message)))}`).toHaveLength(1);
    expect(refused).toHaveLength(sellers.length - 1);
    for (const r of refused) {
      const v = r.ok && !r.value.done ? r.value : null;
      // Round 0's losers would need 16 units of the 8 overtime hours left (not feasible); later
      // rounds' 8 units fit on overtime (needs approval). Either way: refused, with the reason.
      expect(v?.message).toMatch(/^Not confirmed: the check (needs approval|is not feasible)/);
      expect(v?.message).toMatch(round === 0 ? /not feasible/ : /needs_overtime/);
    }
  }

  it('six sellers through two instances: exactly one wins the last capacity, every round', async () => {
    const sellers = await signInSellers([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? b : a).server.url));
    for (let round = 0; round < 5; round++) await race(sellers, round);
  });

  it('fifty sellers: still exactly one', async () => {
    const sellers = await signInSellers(Array.from({ length: 50 }, (_, i) => (i % 2 ? b : a).server.url));
    for (let round = 5; round < 8; round++) await race(sellers, round);
  });

  it('a confirm through A is seen by a check through B within 250 ms, and told to B\'s windows', async () => {
    const onA = await seller(a.server.url);
    const onB = await seller(b.server.url);
    const watcher = await seller(b.server.url, 'olga');
    const events: ChangeEvent[] = [];
    let connected!: () => void;
    const ready = new Promise<void>((r) => (connected = r));
    const stop = followChanges(watcher, { onEvent: (e) => events.push(e), onState: (s) => s === 'connected' && connected() });
    await ready;
    // After the races every regular hour up to day(7) is held: day(8) adds the last 8.
    const req = request(8, '100', day(8));
    const before = await onB.call('check:run', { request: req });
    expect(before.ok && before.value.status).toBe('ok');
    const confirmed = await onA.call('promises:confirm', { request: req });
    expect(confirmed.ok && confirmed.value.done).toBe(true);
    const at = performance.now();
    let seenAfter = Infinity;
    while (performance.now() - at < 250) {
      const again = await onB.call('check:run', { request: req });
      if (again.ok && again.value.status !== 'ok') {
        seenAfter = performance.now() - at;
        break;
      }
    }
    expect(seenAfter).toBeLessThan(250);
    await expect.poll(() => events.some((e) => e.channel === 'promises:confirm'), { timeout: 1000 }).toBe(true);
    stop();
  });
});
