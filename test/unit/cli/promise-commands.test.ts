/**
 * The people and promise commands (`promises.md`, Command line), run in-process with stdout and
 * stderr captured. Dates are relative to the real today, since approval re-checks as of today.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Passphrase from '../../../main/people/passphrase';
import { addDays } from '../../../shared/units/days';
import { localToday } from '../../../main/services/dates';
import { writePromisePlant } from '../../fixtures/promise-plant';

// Every user added and every sign-in runs scrypt at its real cost (N = 2^17, deliberately slow).
vi.setConfig({ testTimeout: 120_000 });
// In-process commands hash with a small scrypt cost (the real N = 2^17 is tested in
// test/security/people-attacks.test.ts); the spawned command lines keep the real one.
vi.mock('../../../main/people/passphrase', async (importOriginal) => ({ ...(await importOriginal<typeof Passphrase>()), DEFAULT_SCRYPT_COST: { N: 2 ** 10, r: 8, p: 1 } }));

const dir = mkdtempSync(join(tmpdir(), 'promise-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plant = writePromisePlant(dir, { everyDay: true });
const today = localToday();
const requestFile = (name: string, qty: number, price: string) => {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify({ customer: 'Acme GmbH', region: 'DE', lines: [{ sku: 'FG', qty, requested_date: addDays(today, 2), unit_price: price }] }));
  return f;
};
const okReq = requestFile('ok', 4, '100');
const bothReq = requestFile('both', 20, '85');

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.PROMISE_PASSPHRASE;
  delete process.env.PROMISE_NEW_PASSPHRASE;
});

const COMMANDS: Record<string, () => Promise<{ run(argv: readonly string[]): Promise<number> }>> = {
  import: () => import('../../../main/cli/import'),
  confirm: () => import('../../../main/cli/confirm'),
  submit: () => import('../../../main/cli/submit'),
  approve: () => import('../../../main/cli/approve'),
  reject: () => import('../../../main/cli/reject'),
  cancel: () => import('../../../main/cli/cancel'),
  fulfil: () => import('../../../main/cli/fulfil'),
  export: () => import('../../../main/cli/export'),
  verify: () => import('../../../main/cli/verify'),
  users: () => import('../../../main/cli/users'),
};

/** Runs a command as the dispatcher does: usage errors exit 2, input errors 1. */
async function cli(db: string, args: string[], env: { pass?: string; newPass?: string } = {}): Promise<number> {
  stdout = stderr = '';
  if (env.pass) process.env.PROMISE_PASSPHRASE = env.pass;
  else delete process.env.PROMISE_PASSPHRASE;
  if (env.newPass) process.env.PROMISE_NEW_PASSPHRASE = env.newPass;
  else delete process.env.PROMISE_NEW_PASSPHRASE;
  const [name, ...rest] = args;
  try {
    return await (await COMMANDS[name!]!()).run([...rest, '--db', db]);
  } catch (e) {
    stderr += (e as Error).message;
    return (e as Error).name === 'UsageError' ? 2 : (e as Error).name === 'InputError' ? 1 : 99;
  }
}

let n = 0;
async function freshDb(): Promise<string> {
  const db = join(dir, `c${++n}.db`);
  expect(await cli(db, ['import', plant])).toBe(0);
  return db;
}

async function team(db: string): Promise<void> {
  expect(await cli(db, ['users', 'add', 'Ada', '--role', 'admin'], { newPass: 'Ada passphrase' })).toBe(0);
  for (const [name, role] of [['Sam', 'sales'], ['Otto', 'operations'], ['Mia', 'manager']]) {
    expect(await cli(db, ['users', 'add', name!, '--role', role!, '--user', 'Ada'], { pass: 'Ada passphrase', newPass: `${name} passphrase` })).toBe(0);
  }
}

describe('users commands', () => {
  it('add, list with fingerprints, role, disable', async () => {
    const db = await freshDb();
    expect(await cli(db, ['users', 'add', 'Sam', '--role', 'sales'], { newPass: 'Sam passphrase' })).toBe(1);
    expect(stderr).toMatch(/first user must be an admin/);
    expect(await cli(db, ['users', 'add', 'Ada', '--role', 'admin'])).toBe(1);
    expect(stderr).toMatch(/PROMISE_NEW_PASSPHRASE/);
    await team(db);
    expect(await cli(db, ['users', 'list', '--json'])).toBe(0);
    const list = JSON.parse(stdout) as { name: string; role: string; fingerprint: string }[];
    expect(list.map((u) => [u.name, u.role])).toEqual([['Ada', 'admin'], ['Mia', 'manager'], ['Otto', 'operations'], ['Sam', 'sales']]);
    for (const u of list) expect(u.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(await cli(db, ['users', 'add', 'Eve', '--role', 'sales'], { newPass: 'Eve passphrase' })).toBe(1);
    expect(await cli(db, ['users', 'role', 'Sam', 'manager', '--user', 'Otto'], { pass: 'Otto passphrase' })).toBe(1);
    expect(stderr).toMatch(/only an admin/);
    expect(await cli(db, ['users', 'role', 'Sam', 'manager', '--user', 'Ada'], { pass: 'Ada passphrase' })).toBe(0);
    expect(await cli(db, ['users', 'disable', 'Sam', '--user', 'Ada'], { pass: 'Ada passphrase' })).toBe(0);
    expect(await cli(db, ['confirm', okReq, '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(1);
    expect(stderr).toMatch(/disabled/);
    expect(await cli(db, ['users', 'passphrase', 'Otto', '--user', 'Otto'], { pass: 'Otto passphrase', newPass: 'Otto new passphrase' })).toBe(0);
    expect(stdout).toMatch(/the key is the same/);
    expect(await cli(db, ['users', 'frobnicate'])).toBe(2);
  });
});

describe('promise commands once users exist', () => {
  it('refuse without --user or passphrase, at once and with exit 1', async () => {
    const db = await freshDb();
    await team(db);
    expect(await cli(db, ['confirm', okReq])).toBe(1);
    expect(stderr).toMatch(/--user NAME/);
    expect(await cli(db, ['confirm', okReq, '--user', 'Sam'])).toBe(1);
    expect(stderr).toMatch(/PROMISE_PASSPHRASE/);
    expect(await cli(db, ['confirm', okReq, '--user', 'Sam'], { pass: 'not Sam passphrase' })).toBe(1);
    expect(stderr).toMatch(/not correct/);
    expect(await cli(db, ['import', plant])).toBe(1);
    expect(await cli(db, ['import', plant, '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(1);
    expect(stderr).toMatch(/^Sam \(sales\) may not change the operations tables/m);
    expect(await cli(db, ['import', plant, '--user', 'Otto'], { pass: 'Otto passphrase' })).toBe(0);
  });

  it('submit, approve by both roles, export both formats, verify, tamper, fulfil', async () => {
    const db = await freshDb();
    await team(db);
    expect(await cli(db, ['submit', bothReq, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    const submitted = JSON.parse(stdout) as { promise_id: string; status: string };
    expect(submitted.status).toBe('needs_approval');
    const id = submitted.promise_id;
    expect(id).toMatch(/^P-\d{6}$/);
    expect(await cli(db, ['approve', id, '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(1);
    expect(await cli(db, ['reject', id, '--user', 'Mia'], { pass: 'Mia passphrase' })).toBe(1);
    expect(await cli(db, ['approve', id, '--user', 'Otto', '--comment', 'overtime agreed'], { pass: 'Otto passphrase' })).toBe(0);
    expect(await cli(db, ['approve', id, '--user', 'Mia'], { pass: 'Mia passphrase' })).toBe(0);
    expect(stdout).toMatch(/confirmed/);
    const pdf = join(dir, `${id}-customer.pdf`);
    const json = join(dir, `${id}-internal.json`);
    expect(await cli(db, ['export', id, '--format', 'pdf', '--copy', 'customer', '--out', pdf])).toBe(0);
    expect(await cli(db, ['export', id, '--format', 'json', '--copy', 'internal', '--out', json])).toBe(0);
    expect(await cli(db, ['export', id, '--format', 'docx', '--copy', 'internal', '--out', json])).toBe(2);
    expect(await cli(db, ['verify', pdf])).toBe(0);
    expect(stdout.trim()).toBe(`intact: signed by Mia (manager) on ${new Date().toISOString().slice(0, 10)}; promise ${id} is now confirmed`);
    expect(await cli(db, ['verify', json])).toBe(0);
    writeFileSync(json, readFileSync(json, 'utf8').replace('"unit_price": "85.0000"', '"unit_price": "86.0000"'));
    expect(await cli(db, ['verify', json])).toBe(1);
    expect(stderr).toMatch(/^altered: summary.lines\[0\].unit_price/);
    expect(await cli(db, ['fulfil', id, '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(1);
    expect(await cli(db, ['fulfil', id, '--user', 'Otto'], { pass: 'Otto passphrase' })).toBe(0);
    expect(await cli(db, ['cancel', id, '--user', 'Otto'], { pass: 'Otto passphrase' })).toBe(1);
    // Another database does not know Mia's key.
    const other = await freshDb();
    await team(other);
    expect(await cli(other, ['verify', pdf])).toBe(1);
    expect(stderr).toMatch(/^another key: /);
  });

  it('confirm --json prints the check with promise_id, null when refused; cancel by the owner', async () => {
    const db = await freshDb();
    await team(db);
    expect(await cli(db, ['confirm', bothReq, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(1);
    expect(JSON.parse(stdout).promise_id).toBeNull();
    expect(await cli(db, ['confirm', okReq, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    const id = JSON.parse(stdout).promise_id as string;
    expect(await cli(db, ['cancel', id, '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    expect(await cli(db, ['export', id, '--format', 'json', '--copy', 'customer', '--out', join(dir, 'x.json')])).toBe(1);
  });
});

describe('a data-changing command without a terminal', () => {
  it('never waits for a passphrase: exit 1 at once', () => {
    const db = join(dir, 'notty.db');
    const node = process.execPath;
    const tsx = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const cliPath = join(process.cwd(), 'main', 'cli', 'index.ts');
    const env: NodeJS.ProcessEnv = { ...process.env, PROMISE_NEW_PASSPHRASE: 'Ada passphrase' };
    delete env.PROMISE_PASSPHRASE;
    spawnSync(node, [tsx, cliPath, 'import', plant, '--db', db], { env });
    spawnSync(node, [tsx, cliPath, 'users', 'add', 'Ada', '--role', 'admin', '--db', db], { env });
    const started = Date.now();
    const r = spawnSync(node, [tsx, cliPath, 'confirm', okReq, '--user', 'Ada', '--db', db], { env, input: '', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/PROMISE_PASSPHRASE/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 120_000);
});
