/**
 * A COMMIT in doubt: PostgreSQL committed a change, but the connection broke before the answer
 * reached the server process. The change is retried on a new connection and must not be applied
 * twice: its idempotency key, recorded by the statement that commits it, gives back the outcome.
 * The connection runs through a TCP relay that forwards a COMMIT and then cuts the client off
 * instead of passing the answer back, once per arming.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../main/db/postgres/connection';
import { LOCAL_ACTOR } from '../../shared/rules/roles';
import { hasPostgres } from '../support/postgres';
import { missing } from '../support/requires';
import { Clock, request, teamDatabaseWithPlant, teamDesk } from '../support/team-desk';
import { plantDir } from '../unit/promises/plant';

/** `COMMIT` as a simple-query message's text, as the driver sends it. */
const COMMIT = Buffer.from('COMMIT\0');
/** What a change writes last, with its idempotency key (reads commit too: they are not cut). */
const KEYED = Buffer.from('INSERT INTO applied_changes');

interface Relay {
  url: string;
  /** The next COMMIT of a change is forwarded, its answer is not: the client's connection is cut. */
  arm(): void;
  cuts(): number;
  close(): Promise<void>;
}

async function relay(url: string): Promise<Relay> {
  const target = new URL(url);
  let armed = false;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let cutting = false;
    let keyed = false;
    client.on('data', (d: Buffer) => {
      // Only a transaction that wrote its key is cut (reads commit too).
      if (d.includes(KEYED)) keyed = true;
      if (d.includes(COMMIT)) {
        if (armed && keyed) {
          armed = false;
          cutting = true;
        }
        keyed = false;
      }
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (!cutting) return void client.write(d);
      // PostgreSQL has answered the COMMIT: it is done. The client never hears it.
      cuts++;
      client.destroy();
      upstream.destroy();
    });
    for (const s of [client, upstream]) s.on('error', () => undefined).on('close', () => (client.destroy(), upstream.destroy()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const relayed = new URL(url);
  relayed.port = String(port);
  return {
    url: relayed.toString(),
    arm: () => void (armed = true),
    cuts: () => cuts,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

describe.skipIf(missing('PostgreSQL', hasPostgres()))('a COMMIT in doubt on the team database', () => {
  it('a confirm and a cancel whose answers are lost are applied once, with the outcome they had', async () => {
    const url = await teamDatabaseWithPlant(plantDir);
    const r = await relay(url);
    closers.push(() => r.close());
    const desk = await teamDesk(r.url, new Clock());
    closers.push(() => desk.close());
    // The test's own reads go straight to the database, not through the relay.
    const direct = createClient(url);
    await direct.connect();
    closers.push(() => direct.end());
    const count = async (sql: string) => Number((await direct.query<{ n: string }>(sql)).rows[0]!.n);
    const v0 = await desk.store.holdsVersion();
    const applied0 = await count('SELECT count(*) AS n FROM applied_changes');

    r.arm();
    const confirmed = await desk.promises.confirm(LOCAL_ACTOR, { request: request(3) });
    expect(r.cuts()).toBe(1);
    expect(confirmed).toMatchObject({ ok: true, id: 'P-000001', status: 'confirmed' });
    expect(await count('SELECT count(*) AS n FROM promises')).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM promise_events WHERE promise_id = 'P-000001'`)).toBe(1);
    const holds = await count(`SELECT count(*) AS n FROM promise_holds WHERE promise_id = 'P-000001'`);
    expect(holds).toBeGreaterThan(0);
    expect(await desk.store.holdsVersion()).toBe(v0 + 1);
    expect(await count('SELECT count(*) AS n FROM applied_changes')).toBe(applied0 + 1);

    r.arm();
    const cancelled = await desk.promises.cancel(LOCAL_ACTOR, 'P-000001', 'customer withdrew');
    expect(r.cuts()).toBe(2);
    expect(cancelled).toMatchObject({ ok: true, id: 'P-000001', status: 'cancelled' });
    expect(await count(`SELECT count(*) AS n FROM promise_events WHERE promise_id = 'P-000001' AND to_status = 'cancelled'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM promise_holds WHERE promise_id = 'P-000001'`)).toBe(0);
    expect(await desk.store.holdsVersion()).toBe(v0 + 2);
    expect(await count('SELECT count(*) AS n FROM applied_changes')).toBe(applied0 + 2);
    // The hold log says each change once: followers count the holds once, then release them once.
    const log = await desk.store.holdChangesSince(v0);
    expect(log?.changes.map((c) => [c.version, c.added.length, c.released.length])).toEqual([
      [v0 + 1, holds, 0],
      [v0 + 2, 0, holds],
    ]);
  }, 60_000);
});
