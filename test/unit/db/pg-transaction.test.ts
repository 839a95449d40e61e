/**
 * How a team server's connections are used, on a real PostgreSQL: a transaction that loses a race
 * (a deadlock here, a serialization failure alike) is run again on a connection of the pool, one whose
 * connection died runs again on a new one, and a served desk opens no more connections than its
 * pool allows (SERVER_POOL_SIZE unless the operator gives `--pool`), all opened at start.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, createPool, transaction } from '../../../main/db/postgres/connection';
import type { PostgresStore } from '../../../main/db/postgres/pg-store';
import { openDesk, SERVER_POOL_SIZE } from '../../../main/desk/open-desk';
import { freshDatabase, freshTeamDatabase, hasPostgres } from '../../support/postgres';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** Backends connected to the database of `url` under `app`. */
async function backends(url: string, app: string): Promise<number> {
  const c = createClient(url);
  await c.connect();
  try {
    return Number((await c.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [app])).rows[0].n);
  } finally {
    await c.end();
  }
}

describe.skipIf(!hasPostgres())('team database connections', () => {
  it('runs a deadlock victim again on a connection the pool has, without opening another', async () => {
    const url = await freshDatabase();
    const app = `deadlock-${randomBytes(3).toString('hex')}`;
    const pool = createPool(url, { max: 2, applicationName: app });
    cleanups.push(() => pool.end());
    await pool.query('CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)');
    const pids: Record<string, number[]> = { ab: [], ba: [] };
    let locked = 0;
    const both = new Promise<void>((ok) => {
      const tick = setInterval(() => locked >= 2 && (clearInterval(tick), ok()), 5);
    });
    // Each locks one row, waits until the other has locked its own, then asks for the other's:
    // PostgreSQL ends one of them with a deadlock (40P01), and that one runs again.
    const run = (name: 'ab' | 'ba', first: number, second: number) =>
      transaction(pool, async (c, tx) => {
        pids[name]!.push((await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number);
        await c.query('SELECT 1 FROM t WHERE id = $1 FOR UPDATE', [first]);
        if (tx.attempt === 0) {
          locked++;
          await both;
        }
        await c.query('SELECT 1 FROM t WHERE id = $1 FOR UPDATE', [second]);
        return tx.attempt;
      });
    const attempts = await Promise.all([run('ab', 1, 2), run('ba', 2, 1)]);
    expect(attempts.sort()).toEqual([0, 1]); // one ran twice
    expect(pids.ab!.length + pids.ba!.length).toBe(3);
    // Run again on one of the two connections the pool had (whichever it hands out), no third.
    expect(new Set([...pids.ab!, ...pids.ba!]).size).toBe(2);
    expect(await backends(url, app)).toBe(2);
  });

  it('runs a transaction whose connection died again on a new connection', async () => {
    const url = await freshDatabase();
    const pool = createPool(url, { max: 1 });
    cleanups.push(() => pool.end());
    const pids: number[] = [];
    const out = await transaction(pool, async (c, tx) => {
      const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      pids.push(pid);
      if (tx.attempt === 0) await c.query('SELECT pg_terminate_backend(pg_backend_pid())');
      return tx.attempt;
    });
    expect(out).toBe(1);
    expect(pids).toHaveLength(2);
    expect(pids[1]).not.toBe(pids[0]);
  });

  it("opens a served desk's connections at start and keeps them within its pool", async () => {
    const t = await freshTeamDatabase();
    await t.store.close();
    for (const [size, app] of [[undefined, `pool-default-${randomBytes(3).toString('hex')}`], [3, `pool-3-${randomBytes(3).toString('hex')}`]] as const) {
      const desk = await openDesk(t.url, { asOf: '2026-03-02', share: { applicationName: app, ...(size ? { maxConnections: size } : {}), onError: () => {} } });
      cleanups.push(() => desk.close());
      const pool = (desk.store as PostgresStore).pool;
      // A server opens its connections before it answers anyone (none is opened during a rush).
      expect(await backends(t.url, app)).toBe(size ?? SERVER_POOL_SIZE);
      // Three times as many slow reads at once as the pool may hold.
      await Promise.all(Array.from({ length: 3 * (size ?? SERVER_POOL_SIZE) }, () => pool.query('SELECT pg_sleep(0.05)')));
      // (The follower of other instances' holds has a connection of its own, named apart.)
      expect(await backends(t.url, app)).toBe(size ?? SERVER_POOL_SIZE);
      await desk.close();
    }
  });
});
