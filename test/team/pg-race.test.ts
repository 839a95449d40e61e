/**
 * Sellers on separate connections race for the last capacity of a team database: exactly one wins
 * every round, every other is refused with the reason, and what is held adds up. The plant (see
 * test/fixtures/promise-plant.ts) gives 16 regular units by Wednesday; each seller asks for 10.
 */
import { describe, expect, it } from 'vitest';
import type { Desk as PromiseDesk } from '../../main/desk/open-desk';
import { hasPostgres } from '../support/postgres';
import { Clock, request, teamDatabaseWithPlant, teamDesk } from '../support/team-desk';
import { plantDir } from '../unit/promises/plant';
import { missing } from '../support/requires';

async function heldHours(d: PromiseDesk): Promise<number> {
  return (await d.checks.store.loadOpenHolds()).reduce((s, h) => s + (h.type === 'hours' ? h.regular_e4 + h.overtime_e4 : 0), 0) / 1e4;
}

async function race(sellers: number, rounds: number): Promise<void> {
  const url = await teamDatabaseWithPlant(plantDir);
  const clock = new Clock();
  const desks = await Promise.all(Array.from({ length: sellers }, () => teamDesk(url, clock, 1)));
  try {
    const actors = await Promise.all(desks.map((d) => d.people.localActor()));
    for (let round = 0; round < rounds; round++) {
      const outcomes = await Promise.all(desks.map((d, i) => d.promises.confirm(actors[i]!, { request: request(10) })));
      const won = outcomes.filter((o) => o.ok);
      const lost = outcomes.filter((o) => !o.ok);
      expect(won, `round ${round}: ${JSON.stringify(outcomes.map((o) => (o.ok ? o.id : o.kind)))}`).toHaveLength(1);
      for (const o of lost) {
        expect(o).toMatchObject({ ok: false, kind: 'not_ok' });
        expect(o.message).toMatch(/needs_overtime|capacity_short/);
      }
      expect(await heldHours(desks[0]!)).toBe(10);
      // The hold log stays contiguous: every desk can follow it from any version.
      const v = await desks[1]!.store.holdsVersion();
      expect((await desks[1]!.store.holdChangesSince(v - 1))?.changes.map((c) => c.version)).toEqual([v]);
      // The winner gives the capacity back for the next round.
      const r = await desks[0]!.promises.cancel(actors[0]!, won[0]!.ok ? won[0]!.id : '');
      expect(r.ok).toBe(true);
      expect(await heldHours(desks[round % sellers]!)).toBe(0);
    }
    const all = await desks[0]!.promises.list();
    expect(all.map((p) => p.status)).toEqual(Array(rounds).fill('cancelled'));
  } finally {
    await Promise.all(desks.map((d) => d.close()));
  }
}

describe.skipIf(missing('PostgreSQL', hasPostgres()))('sellers racing for the last capacity on PostgreSQL', () => {
  it('six sellers, each on its own connection, ten rounds: exactly one wins each round', async () => {
    await race(6, 10);
  }, 120_000);

  it('fifty sellers, each on its own connection, three rounds: exactly one wins each round', async () => {
    await race(50, 3);
  }, 180_000);
});
