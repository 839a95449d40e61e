/**
 * The team server over a SQLite desk (one instance): sessions by cookie and by bearer token,
 * nothing but sign-in before the first admin exists, roles enforced by the server whatever the
 * page offers, no hash or key ever in an answer, changes told on the event stream, and TLS with
 * a self-signed certificate pinned by its fingerprint.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { followChanges } from '../../../main/team-client/event-stream';
import { TeamClient } from '../../../main/team-client/team-client';
import type { ChangeEvent } from '../../../main/web/change-events';
import { CHANNEL_ACCESS } from '../../../main/web/team/channel-access';
import { serveDesk, type ServedDesk } from '../../../main/web/team/served-desk';
import { NO_ADMIN_YET, startTeamServer, type TeamServer } from '../../../main/web/team/team-server';
import { readTlsIdentity } from '../../../main/web/team/tls-identity';
import { FAST } from '../../fixtures/promise-plant';

const AS_OF = '2026-03-02';
const PASS = 'correct horse battery';
const demoRequest = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/demo-request.json'), 'utf8')) as unknown;

let dir: string;
let desk: ServedDesk;
let server: TeamServer;

function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const client = () => new TeamClient({ url: server.url });

async function signedIn(name: string): Promise<TeamClient> {
  const c = client();
  const r = await c.signIn(name, PASS);
  expect(r.ok && r.value.signed_in).toBe(true);
  return c;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pd-team-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Promise Desk</title>');
  desk = await serveDesk(join(dir, 'team.db'), { asOf: AS_OF, scryptCost: FAST });
  server = await startTeamServer({ desk, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('before the first admin', () => {
  it('refuses every change and every read, and says how the operator adds the admin', async () => {
    const c = client();
    const signIn = await c.signIn('ada', PASS);
    expect(signIn.ok && !signIn.value.signed_in && signIn.value.message).toBe(NO_ADMIN_YET);
    for (const [channel, payload] of [['promises:confirm', { request: demoRequest }], ['users:add', { name: 'eve', role: 'admin', passphrase: PASS }], ['check:run', { request: demoRequest }]] as const) {
      const r = await c.call(channel, payload);
      expect(r.ok ? 'done' : r.error.message, channel).toBe(NO_ADMIN_YET);
    }
    expect(await desk.people.singleUserMode()).toBe(true);
    const info = await c.call('app:info');
    expect(info.ok && info.value.name).toBe('Promise Desk');
  });
});

describe('signed in', () => {
  beforeAll(async () => {
    const admin = await desk.people.addUser(null, 'ada', 'admin', PASS);
    const actor = await desk.people.signIn(admin.name, PASS);
    await desk.people.addUser(actor, 'sam', 'sales', PASS);
    await desk.people.addUser(actor, 'olga', 'operations', PASS);
  });

  it('gives a browser an HttpOnly, SameSite=Strict cookie, and a new token at every sign-in', async () => {
    const body = JSON.stringify({ name: 'sam', passphrase: PASS });
    const a = await raw({ path: '/api/session:signin', headers: { 'content-type': 'application/json' }, body });
    const b = await raw({ path: '/api/session:signin', headers: { 'content-type': 'application/json' }, body });
    const cookie = String(a.headers['set-cookie']);
    expect(cookie).toMatch(/^pd_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(String(b.headers['set-cookie'])).not.toBe(cookie);
    const token = cookie.split(';')[0]!;
    const viaCookie = await raw({ path: '/api/session:get', headers: { 'content-type': 'application/json', cookie: token }, body: '' });
    expect(JSON.parse(viaCookie.body)).toMatchObject({ ok: true, value: { mode: 'signed_in', user: { name: 'sam', role: 'sales' } } });
  });

  it('answers reads and changes only to a session, by bearer token', async () => {
    const anonymous = await client().call('check:run', { request: demoRequest });
    expect(!anonymous.ok && anonymous.error.code).toBe('unauthenticated');
    const sam = await signedIn('sam');
    const check = await sam.call('check:run', { request: demoRequest });
    expect(check.ok && check.value.status).toBeTruthy();
    const forged = new TeamClient({ url: server.url }, { token: 'x'.repeat(43) });
    expect((await forged.call('promises:list')).ok).toBe(false);
  });

  it('refuses a wrong passphrase the same as an unknown name, and counts it in the store', async () => {
    const c = client();
    const wrong = await c.signIn('olga', 'not the passphrase');
    const unknown = await c.signIn('nobody', 'not the passphrase');
    expect(wrong.ok && !wrong.value.signed_in && wrong.value.problem).toBe('wrong');
    expect(unknown.ok && !unknown.value.signed_in && unknown.value.message).toBe(wrong.ok && !wrong.value.signed_in && wrong.value.message);
    expect(c.token).toBeNull();
    expect((await desk.people.store.signInAttempts('olga', 'team 127.0.0.1'))?.attempts).toBe(1);
  });

  it('enforces roles in the server, whatever the page offers', async () => {
    const sam = await signedIn('sam');
    const add = await sam.call('users:add', { name: 'mallory', role: 'admin', passphrase: PASS });
    expect(!add.ok && add.error.code).toBe('forbidden');
    const tables = await sam.call('tables:load');
    expect(tables.ok).toBe(true);
    const save = await sam.call('tables:save', { base_version: tables.ok ? tables.value.data_version : '', edits: [{ table: 'policy', rows: [] }] as never });
    expect(save.ok ? save.value : save.error.code).not.toMatchObject({ saved: true });
    expect(await desk.people.store.getUser('mallory')).toBeNull();
  });

  it('ends a session at sign-out: its token no longer works', async () => {
    const sam = await signedIn('sam');
    const token = sam.token;
    await sam.call('session:signout');
    const again = new TeamClient({ url: server.url }, { token });
    const r = await again.call('promises:list');
    expect(!r.ok && r.error.code).toBe('unauthenticated');
  });

  it('refuses a page of another site', async () => {
    const r = await raw({ path: '/api/app:info', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '' });
    expect(r.status).toBe(403);
  });

  it("never sends a salesperson's session a passphrase hash or a key", async () => {
    const sam = await signedIn('sam');
    const secrets: string[] = [];
    for (const u of await desk.people.store.listUsers()) secrets.push(u.passHash, u.encryptedPrivateKey.ciphertext, u.encryptedPrivateKey.salt);
    const confirm = await sam.call('promises:confirm', { request: demoRequest });
    const id = confirm.ok && confirm.value.done ? confirm.value.id : 'P-000001';
    const payloads: Record<string, unknown> = { 'promises:get': { id }, 'summary:export': { id, copy: 'internal', format: 'json' }, 'capacity:holders': { resource_id: 'ASM', from: AS_OF, to: AS_OF }, 'capacity:around': { resource_ids: ['ASM'], from: AS_OF, to: AS_OF }, 'check:run': { request: demoRequest } };
    let answered = 0;
    for (const channel of CHANNELS.filter((c) => CHANNEL_ACCESS[c].access !== 'change' && c !== 'session:signout')) {
      const r = await raw({ path: `/api/${channel}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${sam.token}` }, body: JSON.stringify(payloads[channel]) });
      if (JSON.parse(r.body).ok) answered++;
      for (const s of secrets) expect(r.body, channel).not.toContain(s);
    }
    expect(answered).toBeGreaterThan(15);
  });

  it('tells every open session of a change, and nothing of a refusal', async () => {
    const olga = await signedIn('olga');
    const sam = await signedIn('sam');
    const seen: ChangeEvent[] = [];
    let connected!: () => void;
    const ready = new Promise<void>((r) => (connected = r));
    const stop = followChanges(olga, { onEvent: (e) => seen.push(e), onState: (s) => s === 'connected' && connected() });
    await ready;
    await sam.call('promises:draft', { request: demoRequest });
    await sam.call('promises:approve', { id: 'P-999999' });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ kind: 'promises', channel: 'promises:draft' });
    stop();
    const anonymous = await raw({ method: 'GET', path: '/api/events' });
    expect(anonymous.status).toBe(401);
  });
});

describe('over TLS with a self-signed certificate', () => {
  it('prints its fingerprint, and a client talks to it only when the fingerprint matches', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const tls = readTlsIdentity(cert, key);
    expect(tls.selfSigned).toBe(true);
    expect(tls.fingerprint).toBe(execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1]);
    const secure = await startTeamServer({ desk, rendererDir: dir, port: 0, host: '127.0.0.1', tls });
    try {
      expect(secure.url).toBe(`https://127.0.0.1:${secure.port}/`);
      const good = new TeamClient({ url: secure.url, fingerprint: tls.fingerprint.toLowerCase() });
      const r = await good.signIn('sam', PASS);
      expect(r.ok ? r.value.signed_in : r.error.message).toBe(true);
      const wrongPin = `${tls.fingerprint.slice(0, -2)}${tls.fingerprint.endsWith('00') ? '11' : '00'}`;
      const bad = await new TeamClient({ url: secure.url, fingerprint: wrongPin }).signIn('sam', PASS);
      expect(!bad.ok && bad.error.message).toMatch(/fingerprint .* not sending anything/);
      const unpinned = await new TeamClient({ url: secure.url }).call('app:info');
      expect(!unpinned.ok && unpinned.error.code).toBe('unavailable');
    } finally {
      await secure.close();
    }
  });

  it('listens on loopback only without TLS, whatever host is asked', async () => {
    const plain = await startTeamServer({ desk, rendererDir: dir, port: 0, host: '0.0.0.0' });
    try {
      expect(plain.host).toBe('127.0.0.1');
    } finally {
      await plain.close();
    }
  });
});
