/**
 * The desktop app's choice of where its data is, in Node (no electron): this computer, or a team
 * server tried before it is saved; in team mode every window call goes to the server as the
 * window's user, the server's change events reach the window, and an unreachable server refuses
 * with one clear sentence and is used again as soon as it answers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopConnection } from '../../../main/team-client/desktop-connection';
import { UNREACHABLE } from '../../../main/team-client/team-answerer';
import { serveDesk, type ServedDesk } from '../../../main/web/team/served-desk';
import { startTeamServer, type TeamServer } from '../../../main/web/team/team-server';
import { DeskSession } from '../../../main/session/desk-session';
import { FAST } from '../../fixtures/promise-plant';

const PASS = 'correct horse battery';
const demoRequest = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/demo-request.json'), 'utf8')) as unknown;
let dir: string;
let desk: ServedDesk;
let server: TeamServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-desktop-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  desk = await serveDesk(join(dir, 'team.db'), { asOf: '2026-03-02', scryptCost: FAST });
  const admin = await desk.people.addUser(null, 'ada', 'admin', PASS);
  await desk.people.addUser(await desk.people.signIn(admin.name, PASS), 'sam', 'sales', PASS);
  server = await startTeamServer({ desk, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
});

function connection(settings = join(dir, `connection-${Math.random()}.json`)) {
  let notices = 0;
  let localOpened = 0;
  const local = serveDesk(join(dir, 'local.db'), { asOf: '2026-03-02', scryptCost: FAST });
  const c = new DesktopConnection({
    settingsFile: settings,
    openLocal: async () => {
      localOpened++;
      const d = await local;
      return { ctx: d.contextFor(new DeskSession(d.people)), close: () => d.close() };
    },
    app: { name: 'Promise Desk', version: 'test' },
    notify: () => notices++,
  });
  return { c, settings, notices: () => notices, localOpened: () => localOpened };
}

describe('the desktop connection', () => {
  it('is unset on first run, and works on this computer once chosen', async () => {
    const { c, settings, localOpened } = connection();
    expect(await c.answer('connection:get', undefined)).toEqual({ ok: true, value: { mode: 'unset', url: null, fingerprint: null } });
    const set = await c.answer('connection:set', { mode: 'local' });
    expect(set).toMatchObject({ ok: true, value: { ok: true, connection: { mode: 'local' } } });
    expect(JSON.parse(readFileSync(settings, 'utf8'))).toEqual({ mode: 'local' });
    const info = await c.answer('app:info', undefined);
    expect(info.ok && (info.value as { runtime: string }).runtime).toBe('team');
    expect(localOpened()).toBe(1);
    await c.close();
  });

  it('refuses a server it cannot reach, saving nothing', async () => {
    const { c, settings } = connection();
    const r = await c.answer('connection:set', { mode: 'team', url: 'http://127.0.0.1:1/' });
    expect(r.ok && (r.value as { ok: boolean; message: string }).message).toMatch(/cannot be reached/);
    expect(() => readFileSync(settings)).toThrow();
    const bad = await c.answer('connection:set', { mode: 'team', url: 'ftp://x', fingerprint: 'nope' });
    expect(!bad.ok && bad.error.code).toBe('bad_input');
  });

  it('calls the team server as the window\'s user, hears its changes, and says when it is gone', async () => {
    const { c, settings, notices } = connection();
    const set = await c.answer('connection:set', { mode: 'team', url: server.url });
    expect(set).toMatchObject({ ok: true, value: { ok: true, connection: { mode: 'team', url: server.url } } });
    const info = await c.answer('app:info', undefined);
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', team: { url: server.url, reachable: true } } });
    expect((await c.answer('check:run', { request: demoRequest })).ok).toBe(false);
    const signIn = await c.answer('session:signin', { name: 'sam', passphrase: PASS });
    expect(signIn.ok && (signIn.value as { signed_in: boolean }).signed_in).toBe(true);
    expect((await c.answer('check:run', { request: demoRequest })).ok).toBe(true);

    // A change by someone else on the server reaches this window.
    const other = new DesktopConnection({ settingsFile: settings, openLocal: () => Promise.reject(new Error('not local')), app: { name: 'x', version: 'x' }, notify: () => {} });
    await other.answer('session:signin', { name: 'ada', passphrase: PASS });
    // The window's event stream is open once it has said so (a notice on connecting).
    await expect.poll(() => notices(), { timeout: 2000 }).toBeGreaterThan(0);
    const connected = notices();
    const draft = await other.answer('promises:draft', { request: demoRequest });
    expect(draft.ok).toBe(true);
    await expect.poll(() => notices(), { timeout: 2000 }).toBeGreaterThan(connected);
    await other.close();

    // The server goes away: one clear sentence, nothing else changes.
    await server.close();
    const down = await c.answer('check:run', { request: demoRequest });
    expect(!down.ok && down.error.message).toContain(UNREACHABLE);
    const infoDown = await c.answer('app:info', undefined);
    expect(infoDown).toMatchObject({ ok: true, value: { team: { reachable: false } } });
    server = await startTeamServer({ desk, rendererDir: dir, port: Number(new URL(server.url).port) });
    const back = await c.answer('app:info', undefined);
    expect(back).toMatchObject({ ok: true, value: { team: { reachable: true } } });
    await c.close();
  });
});
