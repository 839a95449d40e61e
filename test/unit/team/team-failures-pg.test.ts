/**
 * Failures while sellers confirm through team servers: `kill -9` of a server instance, and a
 * PostgreSQL crash-restart (`pg_ctl -m immediate`). Every promise a seller was told is confirmed
 * is stored, confirmed, with its holds; nothing is half-written; and the servers that stayed up
 * go on by themselves (new confirms succeed, change events cross instances again).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../main/db/postgres/connection';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../../main/db/postgres/throwaway-server';
import { followChanges } from '../../../main/team-client/event-stream';
import type { TeamClient } from '../../../main/team-client/team-client';
import { request } from '../../fixtures/promise-plant';
import { freshDatabase, hasPostgres } from '../../support/postgres';
import { rendererDir, seedTeamDatabase, seller, signInSellers, spawnInstance, startInstance, type Instance } from './team-instances';

const FAR = '2026-04-20';

/** Sellers confirming one unit at a time until `stop()`; the ids they were told are confirmed. */
function confirmLoop(sellers: TeamClient[]) {
  const acked: string[] = [];
  let running = true;
  const loops = sellers.map(async (s) => {
    while (running) {
      const r = await s.call('promises:confirm', { request: request(1, '100', FAR) });
      if (r.ok && r.value.done) acked.push(r.value.id);
      else if (!r.ok) await new Promise((w) => setTimeout(w, 50));
    }
  });
  return {
    acked,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Every acknowledged promise is confirmed with holds; no confirmed promise lacks them. */
async function everyAcknowledgedStored(through: TeamClient, acked: readonly string[]): Promise<void> {
  expect(acked.length).toBeGreaterThan(0);
  for (const id of acked) {
    const p = await through.call('promises:get', { id });
    expect(p.ok && p.value.status, id).toBe('confirmed');
    expect(p.ok && p.value.holds.length, id).toBeGreaterThan(0);
  }
  const all = await through.call('promises:list', { status: ['confirmed'], limit: 1000 });
  expect(all.ok).toBe(true);
  for (const row of all.ok ? all.value.promises : []) {
    const p = await through.call('promises:get', { id: row.id });
    expect(p.ok && p.value.holds.length, row.id).toBeGreaterThan(0);
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe.skipIf(!hasPostgres())('failures while confirming through team servers', () => {
  it('kill -9 of an instance mid-confirms: every acknowledged promise is stored, the other instance goes on', async () => {
    const url = await freshDatabase('kill');
    await seedTeamDatabase(url);
    const dir = rendererDir();
    const a = await startInstance(url, dir);
    cleanups.push(() => a.close());
    const c = await spawnInstance(url, dir);
    cleanups.push(() => c.kill('SIGKILL'));
    const loop = confirmLoop(await signInSellers([c.url, c.url, c.url]));
    await expect.poll(() => loop.acked.length, { timeout: 30_000 }).toBeGreaterThan(10);
    await c.kill('SIGKILL');
    await loop.stop();
    const onA = await seller(a.server.url);
    await everyAcknowledgedStored(onA, loop.acked);
    const after = await onA.call('promises:confirm', { request: request(1, '100', FAR) });
    expect(after.ok && after.value.done).toBe(true);
  });

  it('PostgreSQL restarted (-m immediate) during confirms: nothing acknowledged is lost, the servers reconnect by themselves', async () => {
    const pg: ThrowawayPostgres = await startThrowawayPostgres();
    cleanups.push(() => pg.dispose());
    const admin = createClient(pg.url);
    await admin.connect();
    await admin.query('CREATE DATABASE restart');
    await admin.end();
    const url = pg.urlFor('restart');
    await seedTeamDatabase(url);
    const dir = rendererDir();
    const [a, b]: [Instance, Instance] = await Promise.all([startInstance(url, dir), startInstance(url, dir)]);
    cleanups.push(() => a.close(), () => b.close());
    const loop = confirmLoop(await signInSellers([a, b, a, b].map((i) => i.server.url)));
    await expect.poll(() => loop.acked.length, { timeout: 30_000 }).toBeGreaterThan(10);
    await pg.stop('immediate');
    await new Promise((r) => setTimeout(r, 500));
    await pg.start();
    const atRestart = loop.acked.length;
    await expect.poll(() => loop.acked.length, { timeout: 30_000 }).toBeGreaterThan(atRestart + 5);
    await loop.stop();

    const [onA, watcher] = await Promise.all([seller(a.server.url), seller(b.server.url, 'olga')]);
    await everyAcknowledgedStored(onA, loop.acked);
    // B's listening connection came back too: A's next confirm reaches B's windows.
    let heard = 0;
    const stop = followChanges(watcher, { onEvent: (e) => e.channel === 'promises:confirm' && heard++ });
    await new Promise((r) => setTimeout(r, 300));
    await expect
      .poll(
        async () => {
          await onA.call('promises:confirm', { request: request(1, '100', FAR) });
          return heard;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    stop();
  });
});
