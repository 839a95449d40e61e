/**
 * The desktop app's shell joining a team server on a real (throw-away) PostgreSQL, driven the way
 * the window drives it: every call through ipc.ts's `answer` (the sender checked, then the data
 * connection of data-connection.ts). First run is unset; the choice is kept in the user-data
 * folder; in team mode the calls reach the server as the signed-in user, another seat's changes
 * reach the window, a server that is gone refuses checks and drafts with one clear sentence, and
 * once it is back the same window works again without being told.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { CONNECTION_FILE, openDataConnection, type DataConnection } from '../../../main/shell/data-connection';
import { answer } from '../../../main/shell/ipc';
import { APP_START_URL } from '../../../main/shell/trusted-url';
import { UNREACHABLE } from '../../../main/team-client/team-answerer';
import { openServedDesk, type OpenedDesk } from '../../../main/web/team/open-served-desk';
import { startTeamServer, type TeamServer } from '../../../main/web/team/team-server';
import { request } from '../../fixtures/promise-plant';
import { freshDatabase, hasPostgres } from '../../support/postgres';
import { missing } from '../../support/requires';
import { AS_OF, PASS, rendererDir, seedTeamDatabase, seller } from './team-instances';

let dir: string;
let ui: string;
let opened: OpenedDesk;
let server: TeamServer;
const open: DataConnection[] = [];

const startServer = (port = 0) => startTeamServer({ desk: opened.desk, rendererDir: ui, port, events: opened.events, onChange: opened.tell });

/** The shell's data connection in a fresh user-data folder; `notices` counts "changed elsewhere". */
async function shell(userData = mkdtempSync(join(dir, 'user-')), localOnly = false) {
  let notices = 0;
  const data = await openDataConnection({ userData, database: join(userData, 'promise-desk.db'), version: 'test', asOf: AS_OF, localOnly, notify: () => notices++ });
  open.push(data);
  const call = (channel: string, payload?: unknown): Promise<Result<unknown>> => answer(channel, APP_START_URL, payload, data.answer);
  return { call, userData, notices: () => notices };
}

beforeAll(async () => {
  if (!hasPostgres()) return;
  dir = mkdtempSync(join(tmpdir(), 'pd-shell-team-'));
  ui = rendererDir();
  const url = await freshDatabase('shell');
  await seedTeamDatabase(url);
  opened = await openServedDesk(url, { asOf: AS_OF });
  server = await startServer();
}, 60_000);
afterAll(async () => {
  for (const d of open) await d.close();
  await server?.close();
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing('PostgreSQL', hasPostgres()))('the desktop shell on a team server (PostgreSQL)', () => {
  it('asks on first run, keeps the choice in the user-data folder, and forgets a damaged one', async () => {
    const first = await shell();
    expect(await first.call('connection:get')).toEqual({ ok: true, value: { mode: 'unset', url: null, fingerprint: null } });
    // Only our own page may call.
    expect(await answer('connection:get', 'https://evil.example/', undefined, (c, p) => first.call(c, p))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const set = await first.call('connection:set', { mode: 'team', url: server.url });
    expect(set).toMatchObject({ ok: true, value: { ok: true, connection: { mode: 'team', url: server.url, fingerprint: null } } });
    expect(JSON.parse(readFileSync(join(first.userData, CONNECTION_FILE), 'utf8'))).toEqual({ mode: 'team', url: server.url, fingerprint: null });

    // The next start finds the choice: straight to the team server, no local database opened.
    const again = await shell(first.userData);
    expect(await again.call('connection:get')).toMatchObject({ ok: true, value: { mode: 'team', url: server.url } });
    expect(await again.call('app:info')).toMatchObject({ ok: true, value: { runtime: 'electron', team: { url: server.url, reachable: true } } });

    // Started while the chosen server is down: signed out (sign-in and Connection offered), and
    // signing in says the server is not answering.
    writeFileSync(join(first.userData, CONNECTION_FILE), JSON.stringify({ mode: 'team', url: 'http://127.0.0.1:1/', fingerprint: null }));
    const down = await shell(first.userData);
    expect(await down.call('session:get')).toMatchObject({ ok: true, value: { mode: 'signed_out', user: null } });
    const refused = await down.call('session:signin', { name: 'sam', passphrase: PASS });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(UNREACHABLE) } });
    expect(await down.call('connection:get')).toMatchObject({ ok: true, value: { mode: 'team', url: 'http://127.0.0.1:1/' } });

    writeFileSync(join(first.userData, CONNECTION_FILE), '{"mode":"team","url":42}');
    const damaged = await shell(first.userData);
    expect(await damaged.call('connection:get')).toMatchObject({ ok: true, value: { mode: 'unset' } });
  });

  it('works on this computer when chosen (and always with a database named on the command line)', async () => {
    const local = await shell();
    expect(await local.call('connection:set', { mode: 'local' })).toMatchObject({ ok: true, value: { ok: true, connection: { mode: 'local' } } });
    expect(await local.call('app:info')).toEqual({ ok: true, value: { name: 'Promise Desk', version: 'test', runtime: 'electron', database: join(local.userData, 'promise-desk.db') } });
    // The demo plant: a check is answered here, with no server and no sign-in.
    expect(await local.call('plant:summary', {})).toMatchObject({ ok: true });
    const named = await shell(local.userData, true);
    expect(await named.call('connection:get')).toMatchObject({ ok: true, value: { mode: 'local' } });
    const refused = await named.call('connection:set', { mode: 'team', url: server.url });
    expect(refused).toMatchObject({ ok: true, value: { ok: false, message: expect.stringMatching(/--db or PROMISE_DB/) } });
    expect(JSON.parse(readFileSync(join(local.userData, CONNECTION_FILE), 'utf8'))).toEqual({ mode: 'local' });
  });

  it('signs in, checks and confirms on the server; hears another seat; refuses clearly while the server is gone; works again when it is back', async () => {
    const desk = await shell();
    expect(await desk.call('connection:set', { mode: 'team', url: server.url })).toMatchObject({ ok: true, value: { ok: true } });
    // Nothing but sign-in before signing in: the server enforces it.
    expect(await desk.call('check:run', { request: request(2) })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await desk.call('session:signin', { name: 'sam', passphrase: 'wrong passphrase' })).toMatchObject({ ok: true, value: { signed_in: false } });
    expect(await desk.call('session:signin', { name: 'sam', passphrase: PASS })).toMatchObject({ ok: true, value: { signed_in: true, session: { user: { name: 'sam', role: 'sales' } } } });
    expect(await desk.call('session:get')).toMatchObject({ ok: true, value: { user: { name: 'sam' } } });

    // 16 regular units by Wednesday, 8 more on overtime (test/fixtures/promise-plant.ts).
    const check = await desk.call('check:run', { request: request(2) });
    expect(check).toMatchObject({ ok: true, value: { customer: 'Acme GmbH', status: 'ok', lines: [{ sku: 'FG' }] } });
    const confirmed = await desk.call('promises:confirm', { request: request(2) });
    expect(confirmed).toMatchObject({ ok: true, value: { done: true } });
    const id = (confirmed as { value: { id: string } }).value.id;
    expect(await desk.call('promises:get', { id })).toMatchObject({ ok: true, value: { id, status: 'confirmed', created_by: 'sam' } });

    // Another seat's confirm reaches this window (the server's change events, passed on).
    await expect.poll(() => desk.notices(), { timeout: 5_000 }).toBeGreaterThan(0);
    const before = desk.notices();
    const other = await seller(server.url, 'max');
    expect(await other.call('promises:confirm', { request: request(1) })).toMatchObject({ ok: true, value: { done: true } });
    await expect.poll(() => desk.notices(), { timeout: 5_000 }).toBeGreaterThan(before);
    other.close();

    // The server stops: checks and drafts refused with one sentence; nothing changed meanwhile.
    const port = Number(new URL(server.url).port);
    await server.close();
    for (const [channel, payload] of [['check:run', { request: request(1) }], ['promises:draft', { request: request(1) }], ['promises:confirm', { request: request(1) }]] as const) {
      const r = await desk.call(channel, payload);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(!r.ok && r.error.message, channel).toContain(UNREACHABLE);
    }
    expect(await desk.call('app:info')).toMatchObject({ ok: true, value: { team: { url: server.url, reachable: false } } });

    // Back (a restarted server: its sessions are new): the same connection answers again by
    // itself; the user signs in once more and goes on where they were.
    server = await startServer(port);
    expect(await desk.call('app:info')).toMatchObject({ ok: true, value: { team: { reachable: true } } });
    expect(await desk.call('check:run', { request: request(1) })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await desk.call('session:signin', { name: 'sam', passphrase: PASS })).toMatchObject({ ok: true, value: { signed_in: true } });
    const signedIn = desk.notices();
    const after = await desk.call('promises:confirm', { request: request(1) });
    expect(after).toMatchObject({ ok: true, value: { done: true } });
    const list = await desk.call('promises:list', { status: ['confirmed'] });
    // Three confirms reached the server (sam's two, max's one); none while it was gone.
    expect(list).toMatchObject({ ok: true, value: { total: 3 } });
    // The event stream is back too (signing in opens it, and says so): another seat's change reaches the window again.
    await expect.poll(() => desk.notices(), { timeout: 5_000 }).toBeGreaterThan(signedIn);
    const heard = desk.notices();
    const olga = await seller(server.url, 'max');
    await expect
      .poll(
        async () => {
          await olga.call('promises:draft', { request: request(1) });
          return desk.notices();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBeGreaterThan(heard);
    olga.close();
  }, 60_000);
});
