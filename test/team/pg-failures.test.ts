/**
 * Failures while seats confirm on a team database: a seat's process killed with SIGKILL in the
 * middle of its confirms, and PostgreSQL itself stopped with `-m immediate` (a crash) and started
 * again. Every acknowledged promise is stored, nothing is partial (each confirmed promise has its
 * holds, its event and one log entry), and the seats reconnect by themselves.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../main/db/postgres/connection';
import { startThrowawayPostgres } from '../../main/db/postgres/throwaway-server';
import type { PostgresStore } from '../../main/db/postgres/pg-store';
import { hasPostgres } from '../support/postgres';
import { Clock, request, teamDatabaseWithPlant, teamDesk } from '../support/team-desk';
import { freshTeamDatabaseOn } from '../support/postgres';
import { plantDir } from '../unit/promises/plant';
import { importFromPath } from '../../main/services/workbook-service';
import { LOCAL_ACTOR } from '../../shared/rules/roles';
import { TODAY } from '../fixtures/promise-plant';
import { missing } from '../support/requires';

const worker = join(import.meta.dirname, 'confirm-worker.ts');
// Far enough out that hundreds of one-unit promises fit.
const LATE = '2026-04-24';

/** Every confirmed promise is whole: holds, its first event, and the log accounts for each. */
async function expectWhole(store: PostgresStore, acknowledged: readonly string[]): Promise<void> {
  // The promises, the log and the version read in one snapshot: a confirm commits its promise and
  // its log entry together, so in any snapshot they agree exactly.
  const { rows, log, v } = await store.snapshot(async (c) => ({
    rows: (
      await c.query<{ id: string; holds: number; events: number }>(
        `SELECT p.id, (SELECT count(*) FROM promise_holds h WHERE h.promise_id = p.id) AS holds,
                (SELECT count(*) FROM promise_events e WHERE e.promise_id = p.id) AS events
         FROM promises p WHERE p.status = 'confirmed' ORDER BY p.id`,
      )
    ).rows,
    log: (await c.query<{ n: number; min: number; added: number }>('SELECT count(*) AS n, min(version) AS min, count(added) AS added FROM hold_log')).rows[0]!,
    v: (await c.query<{ version: number }>('SELECT version FROM hold_version WHERE id = 1')).rows[0]!.version,
  }));
  const stored = new Set(rows.map((r) => r.id));
  for (const id of acknowledged) expect(stored.has(id), `acknowledged ${id} is stored`).toBe(true);
  for (const r of rows) {
    expect(r.holds, r.id).toBeGreaterThan(0);
    expect(r.events, r.id).toBe(1);
  }
  // One import (a rebuild marker, no delta) and one entry per confirm, contiguous from 1 to the version.
  expect(log).toEqual({ n: v, min: 1, added: v - 1 });
  expect(v).toBe(rows.length + 1);
}

describe.skipIf(missing('PostgreSQL', hasPostgres()))('failures during confirms', () => {
  it('SIGKILL of a seat in the middle of its confirms: the other seat goes on, every acknowledged promise is stored, nothing partial', async () => {
    const url = await teamDatabaseWithPlant(plantDir);
    // The seat is ONE process (tsx as a loader, not its CLI): the CLI runs the script in a child
    // of its own, which a SIGKILL of the CLI leaves confirming on (it did: two or three promises
    // more than this test had counted, committed after the "kill").
    const child = spawn(process.execPath, ['--import', 'tsx', worker, url, LATE], { stdio: ['ignore', 'pipe', 'pipe'] });
    const fromChild: string[] = [];
    const refusedInChild: string[] = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) (l.startsWith('P-') ? fromChild : refusedInChild).push(l);
    });
    const desk = await teamDesk(url, new Clock(), 1);
    const actor = await desk.people.localActor();
    const ours: string[] = [];
    try {
      // Confirm alongside the child until it has confirmed a few, then kill it mid-stream. This
      // seat keeps pace with the child (at most one promise ahead): on two busy cores the child
      // took most of a minute to start, and a seat confirming freely meanwhile used up the
      // capacity, so the child could only be refused (CI failed so, the child at 12 of 15).
      const deadline = Date.now() + 90_000;
      while (fromChild.length < 15 && refusedInChild.length === 0 && Date.now() < deadline) {
        if (ours.length > fromChild.length) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        const o = await desk.promises.confirm(actor, { request: request(1, '100', LATE) });
        expect(o.ok, 'the capacity holds every promise of this test').toBe(true);
        if (o.ok) ours.push(o.id);
      }
      expect(refusedInChild).toEqual([]);
      expect(fromChild.length).toBeGreaterThanOrEqual(15);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const after = Date.now();
      const o = await desk.promises.confirm(actor, { request: request(1, '100', LATE) });
      expect(o.ok).toBe(true);
      if (o.ok) ours.push(o.id);
      expect(Date.now() - after).toBeLessThan(5_000);
      await expectWhole(desk.store, [...fromChild, ...ours]);
    } finally {
      child.kill('SIGKILL');
      await desk.close();
    }
  }, 150_000);

  it('PostgreSQL stopped with -m immediate and started again during confirms: acknowledged promises stored, nothing partial, seats reconnect by themselves', async () => {
    const server = await startThrowawayPostgres();
    try {
      const url = await freshTeamDatabaseOn(server.url);
      const seed = await teamDesk(url, new Clock(), 1);
      const r = await importFromPath(seed.store, plantDir, { asOf: TODAY, actor: LOCAL_ACTOR });
      expect(r.ok).toBe(true);
      await seed.close();

      const desks = await Promise.all([0, 1, 2].map(() => teamDesk(url, new Clock(), 1)));
      const actors = await Promise.all(desks.map((d) => d.people.localActor()));
      const acknowledged: string[] = [];
      const failed: string[] = [];
      let running = true;
      const seats = desks.map(async (d, i) => {
        while (running) {
          try {
            const o = await d.promises.confirm(actors[i]!, { request: request(1, '100', LATE) });
            if (o.ok) acknowledged.push(o.id);
          } catch (e) {
            failed.push((e as Error).message);
          }
        }
      });
      while (acknowledged.length < 20) await new Promise((res) => setTimeout(res, 20));
      await server.stop('immediate');
      await new Promise((res) => setTimeout(res, 300));
      await server.start();
      const atRestart = acknowledged.length;
      const deadline = Date.now() + 60_000;
      while (acknowledged.length < atRestart + 20 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
      running = false;
      await Promise.all(seats);
      // Each seat confirmed again after the restart, on its own.
      expect(acknowledged.length).toBeGreaterThanOrEqual(atRestart + 20);
      await expectWhole(desks[0]!.store, acknowledged);
      await Promise.all(desks.map((d) => d.close()));
      // A failure reached a caller only if it outlasted the retries; none should with a quick restart.
      expect(failed).toEqual([]);
      const c = createClient(url);
      await c.connect();
      await c.end();
    } finally {
      await server.dispose();
    }
  }, 180_000);
});
