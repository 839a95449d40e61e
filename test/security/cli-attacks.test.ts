/**
 * Issue #13 rows 1, 12, 15 and 19 on the real command line (tsx, as a user runs it): a past as-of
 * date once users exist, hostile characters in a request and on the terminal, read-only commands
 * on a database that does not exist, and the database file's permissions.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Passphrase from '../../main/people/passphrase';
import { openDatabase } from '../../main/db/open-database';
import { localToday } from '../../main/services/dates';
import { addDays } from '../../shared/units/days';
import { writePromisePlant } from '../fixtures/promise-plant';
import { cli } from '../cli/run-cli';

// In-process commands hash with a small scrypt cost (the real N = 2^17 is tested in
// test/security/people-attacks.test.ts); the spawned command lines keep the real one.
vi.mock('../../main/people/passphrase', async (importOriginal) => ({ ...(await importOriginal<typeof Passphrase>()), DEFAULT_SCRYPT_COST: { N: 2 ** 10, r: 8, p: 1 } }));

/** In-process runs (quick; the dispatcher's exit codes: usage 2, input 1), for most cases here. */
let stdout = '';
let stderr = '';
beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.PROMISE_PASSPHRASE;
  delete process.env.PROMISE_NEW_PASSPHRASE;
});
const COMMANDS: Record<string, () => Promise<{ run(argv: readonly string[]): Promise<number> }>> = {
  import: () => import('../../main/cli/import'),
  confirm: () => import('../../main/cli/confirm'),
  check: () => import('../../main/cli/check'),
  promises: () => import('../../main/cli/promises'),
  export: () => import('../../main/cli/export'),
  'export-workbook': () => import('../../main/cli/export-workbook'),
  verify: () => import('../../main/cli/verify'),
  users: () => import('../../main/cli/users'),
};
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  stdout = stderr = '';
  delete process.env.PROMISE_PASSPHRASE;
  delete process.env.PROMISE_NEW_PASSPHRASE;
  Object.assign(process.env, env);
  const [name, ...rest] = args;
  let code: number;
  try {
    code = await (await COMMANDS[name!]!()).run(rest);
  } catch (e) {
    stderr += (e as Error).message;
    code = (e as Error).name === 'UsageError' ? 2 : (e as Error).name === 'InputError' ? 1 : 99;
  }
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-attacks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plant = writePromisePlant(dir, { everyDay: true });
const today = localToday();
const req = (name: string, body: unknown) => {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, typeof body === 'string' ? body : JSON.stringify(body));
  return f;
};
const ok = req('ok', { customer: 'Acme GmbH', region: 'DE', lines: [{ sku: 'FG', qty: 4, requested_date: addDays(today, 3), unit_price: '100' }] });
let n = 0;
async function freshDb(): Promise<string> {
  const db = join(dir, `a${++n}.db`);
  expect((await run(['import', plant, '--db', db])).code).toBe(0);
  return db;
}
const ADA = { PROMISE_NEW_PASSPHRASE: 'Ada passphrase 1' };
const SAM = { PROMISE_PASSPHRASE: 'Sam passphrase 1' };

describe('row 1: once users exist, changes run as of today', () => {
  it('confirm --as-of yesterday is refused (exit 1) and holds nothing; as of today it works', async () => {
    const db = await freshDb();
    expect((await run(['users', 'add', 'Ada', '--role', 'admin', '--db', db], ADA)).code).toBe(0);
    expect((await run(['users', 'add', 'Sam', '--role', 'sales', '--user', 'Ada', '--db', db], { PROMISE_PASSPHRASE: 'Ada passphrase 1', PROMISE_NEW_PASSPHRASE: 'Sam passphrase 1' })).code).toBe(0);
    const past = await run(['confirm', ok, '--as-of', addDays(today, -1), '--user', 'Sam', '--db', db], SAM);
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/Changes are checked as of today/);
    const listed = await run(['promises', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toEqual([]);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare('SELECT count(*) AS n FROM promise_holds').get()).toEqual({ n: 0 });
    sql.close();
    const now = await run(['confirm', ok, '--as-of', today, '--user', 'Sam', '--db', db], SAM);
    expect(now.code, now.stderr).toBe(0);
    expect(now.stdout).toMatch(/Confirmed P-000001/);
  }, 120_000);

  it('in single-user mode another as-of date may be given (trying the plant on another day)', async () => {
    const db = await freshDb();
    const r = await run(['confirm', ok, '--as-of', addDays(today, -1), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
});

describe('row 12: hostile characters', () => {
  it('ESC, BEL, U+202E and a lone surrogate in the customer are refused with the field named', async () => {
    const db = await freshDb();
    for (const [name, customer] of [['esc', 'Acme\u001b[2K\rEvil'], ['bel', 'Acme\u0007'], ['rlo', 'Acme \u202Eevil'], ['lone', 'Acme \uD800']] as const) {
      const body = JSON.stringify({ customer, region: 'DE', lines: [{ sku: 'FG', qty: 4, requested_date: addDays(today, 3), unit_price: '100' }] });
      const r = await run(['confirm', req(name, body), '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/customer/);
      expect(r.stderr).not.toMatch(/[\u0007\u001b\u202E]/);
    }
    expect(JSON.parse((await run(['promises', '--json', '--db', db])).stdout)).toEqual([]);
  }, 120_000);

  it('text printed on the terminal is escaped (a name stored before the rule)', async () => {
    const db = await freshDb();
    expect((await run(['confirm', ok, '--db', db])).code).toBe(0);
    const sql = new Database(db);
    sql.prepare(`UPDATE promises SET customer = ?`).run('Acme\u001b[2K\rEvil \u202Etxt.exe\u0007');
    sql.close();
    const r = await cli(['promises', '--db', db]); // the real command line: what reaches the terminal
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0007\u001b\r\u202E]/);
    expect(r.stdout).toContain('Acme\\u001b[2K\\u000dEvil \\u202etxt.exe\\u0007');
  }, 120_000);
});

describe('row 15: read-only commands never create a database', () => {
  it('promises, check, verify, export, export-workbook with --db in a folder that does not exist: exit 1, nothing made', async () => {
    const missing = join(dir, 'no', 'such', 'dir', 'x.db');
    for (const args of [['promises'], ['check', ok], ['verify', ok], ['export', 'P-000001', '--format', 'json', '--copy', 'customer', '--out', join(dir, 'x.json')], ['export-workbook', join(dir, 'wb-out')]]) {
      const r = await run([...args, '--db', missing]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(missing);
    }
    expect(existsSync(join(dir, 'no'))).toBe(false);
    const env = await cli(['promises'], { PROMISE_DB: missing }); // the real command line, once
    expect(env.code).toBe(1);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  }, 120_000);
});

describe('row 19: database files are readable by their owner only', () => {
  it('the database, its -wal and -shm are created 0600', () => {
    const file = join(dir, 'private', 'p.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x) ; INSERT INTO t VALUES (1)');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
    expect((statSync(join(dir, 'private')).mode & 0o777).toString(8)).toBe('700');
    db.close();
  });
});
