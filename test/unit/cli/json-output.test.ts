/**
 * `--json` on every command that prints a result, run in-process through the dispatcher: each
 * output is exactly one JSON object of the shape docs/cli.md documents (strict schemas here, so a
 * field added or renamed fails), and nothing else reaches stdout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../../main/cli/run-cli';
import type * as Passphrase from '../../../main/people/passphrase';
import { localToday } from '../../../main/services/dates';
import { addDays } from '../../../shared/units/days';
import { writePromisePlant } from '../../fixtures/promise-plant';

// In-process commands hash with a small scrypt cost (the real N = 2^17 is tested in
// test/security/people-attacks.test.ts): the JSON shapes are what this file is about.
vi.mock('../../../main/people/passphrase', async (importOriginal) => ({ ...(await importOriginal<typeof Passphrase>()), DEFAULT_SCRYPT_COST: { N: 2 ** 10, r: 8, p: 1 } }));

const dir = mkdtempSync(join(tmpdir(), 'promise-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plant = writePromisePlant(dir, { everyDay: true });
const today = localToday();
const requestFile = (name: string, qty: number, price: string) => {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify({ customer: 'Acme GmbH', region: 'DE', lines: [{ sku: 'FG', qty, requested_date: addDays(today, 2), unit_price: price }] }));
  return f;
};
const bothReq = requestFile('both', 20, '85');
const okReq = requestFile('ok', 4, '100');

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

async function cli(db: string, args: string[], env: { pass?: string; newPass?: string } = {}): Promise<number> {
  stdout = stderr = '';
  if (env.pass) process.env.PROMISE_PASSPHRASE = env.pass;
  else delete process.env.PROMISE_PASSPHRASE;
  if (env.newPass) process.env.PROMISE_NEW_PASSPHRASE = env.newPass;
  else delete process.env.PROMISE_NEW_PASSPHRASE;
  return runCli([...args, '--db', db]);
}
/** stdout as the one JSON value it must be. */
const json = () => JSON.parse(stdout) as unknown;

const promiseId = z.string().regex(/^P-\d{6}$/);
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const user = z.strictObject({ name: z.string(), role: z.enum(['admin', 'sales', 'operations', 'manager']), disabled: z.boolean(), fingerprint: z.string().regex(/^[0-9a-f]{16}$/), created_at: isoTime });
const shapes = {
  importOk: z.strictObject({
    ok: z.literal(true),
    source: z.string(),
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    database: z.string(),
    data_version: z.string(),
    as_of: z.string(),
    revalidated: z.number().int(),
    at_risk: z.array(promiseId),
  }),
  importRefused: z.strictObject({
    ok: z.literal(false),
    issues: z.array(z.strictObject({ file: z.string(), sheet: z.string().nullable(), line: z.number().int().nullable(), column: z.string().nullable(), reason: z.string() })).min(1),
  }),
  moved: z.strictObject({ ok: z.literal(true), id: promiseId, status: z.string(), message: z.string() }),
  refused: z.strictObject({ ok: z.literal(false), id: z.string(), reason: z.string(), message: z.string() }),
  exported: z.strictObject({ ok: z.literal(true), id: promiseId, copy: z.enum(['customer', 'internal']), format: z.enum(['pdf', 'json']), path: z.string(), bytes: z.number().int().positive(), media_type: z.string() }),
  intact: z.strictObject({
    intact: z.literal(true),
    message: z.string(),
    code: z.string().regex(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/),
    promise_id: promiseId,
    copy: z.enum(['customer', 'internal']),
    signatures: z.array(z.strictObject({ signer: z.string(), role: z.string(), signed_at: isoTime })).min(1),
  }),
  broken: z.strictObject({ intact: z.literal(false), problem: z.string(), message: z.string(), code: z.string().nullable() }),
  workbook: z.strictObject({ ok: z.literal(true), path: z.string(), format: z.enum(['csv', 'xlsx']), files: z.array(z.string()).min(1), data_version: z.string() }),
  user,
  passphrase: user.extend({ new_key: z.boolean() }).strict(),
};

let n = 0;
const freshDb = () => join(dir, `j${++n}.db`);

describe('--json', () => {
  it('import: what was imported, or every problem; nothing but the JSON on stdout', async () => {
    const db = freshDb();
    expect(await cli(db, ['import', plant, '--as-of', today, '--json'])).toBe(0);
    expect(stderr).toBe('');
    expect(shapes.importOk.parse(json())).toMatchObject({ ok: true, format: 'csv', rows: 9, database: db, as_of: today, revalidated: 0, at_risk: [] });
    const bad = join(dir, 'bad-plant');
    writePromisePlant(bad);
    writeFileSync(join(bad, 'plant', 'products.csv'), 'sku,name,unit,supply,lead_time_days,purchase_cost,list_price,min_margin_pct\nFG,Finished good,pcs,make,soon,,100,15\n');
    expect(await cli(db, ['import', join(bad, 'plant'), '--json'])).toBe(1);
    const refused = shapes.importRefused.parse(json());
    expect(refused.issues[0]).toEqual({ file: 'products.csv', sheet: null, line: 2, column: 'lead_time_days', reason: expect.stringContaining('"soon"') });
    expect(stderr).toMatch(/The workbook was not imported \(1 problem\)/);
  });

  const db = freshDb();
  it('users add, list, role, passphrase', async () => {
    expect(await cli(db, ['import', plant])).toBe(0);
    expect(await cli(db, ['users', 'add', 'Ada', '--role', 'admin', '--json'], { newPass: 'Ada passphrase' })).toBe(0);
    expect(shapes.user.parse(json())).toMatchObject({ name: 'Ada', role: 'admin', disabled: false });
    for (const [name, role] of [['Sam', 'sales'], ['Otto', 'operations'], ['Mia', 'sales']] as const)
      expect(await cli(db, ['users', 'add', name, '--role', role, '--user', 'Ada', '--json'], { pass: 'Ada passphrase', newPass: `${name} passphrase` })).toBe(0);
    expect(await cli(db, ['users', 'role', 'Mia', 'manager', '--user', 'Ada', '--json'], { pass: 'Ada passphrase' })).toBe(0);
    expect(shapes.user.parse(json())).toMatchObject({ name: 'Mia', role: 'manager' });
    expect(await cli(db, ['users', 'passphrase', 'Otto', '--user', 'Otto', '--json'], { pass: 'Otto passphrase', newPass: 'Otto passphrase 2' })).toBe(0);
    expect(shapes.passphrase.parse(json())).toMatchObject({ name: 'Otto', new_key: false });
    expect(await cli(db, ['users', 'list', '--json'])).toBe(0);
    expect(z.array(user).parse(json()).map((u) => u.name)).toEqual(['Ada', 'Mia', 'Otto', 'Sam']);
  }, 120_000);

  it('approve (refused and done), export, verify, fulfil, cancel, reject, export-workbook, users disable', async () => {
    expect(await cli(db, ['submit', bothReq, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    const id = (json() as { promise_id: string }).promise_id;
    expect(await cli(db, ['approve', id, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(1);
    expect(shapes.refused.parse(json())).toMatchObject({ ok: false, id, reason: expect.any(String) });
    expect(stderr).not.toBe('');
    expect(await cli(db, ['approve', id, '--json', '--user', 'Otto', '--comment', 'overtime agreed'], { pass: 'Otto passphrase 2' })).toBe(0);
    expect(shapes.moved.parse(json())).toMatchObject({ ok: true, id, status: 'awaiting_approval' });
    expect(await cli(db, ['approve', id, '--json', '--user', 'Mia'], { pass: 'Mia passphrase' })).toBe(0);
    expect(shapes.moved.parse(json())).toMatchObject({ id, status: 'confirmed' });

    const out = join(dir, `${id}.json`);
    expect(await cli(db, ['export', id, '--format', 'json', '--copy', 'internal', '--out', out, '--json'])).toBe(0);
    expect(shapes.exported.parse(json())).toMatchObject({ id, copy: 'internal', format: 'json', path: out, media_type: 'application/json' });
    expect(await cli(db, ['export', 'P-999999', '--format', 'json', '--copy', 'internal', '--out', out, '--json'])).toBe(1);
    expect(shapes.refused.parse(json())).toMatchObject({ id: 'P-999999', reason: 'not_found' });
    expect(await cli(db, ['verify', out, '--json'])).toBe(0);
    expect(shapes.intact.parse(json())).toMatchObject({ intact: true, promise_id: id, copy: 'internal', signatures: [{ signer: 'Mia', role: 'manager' }] });
    expect(stderr).toBe('');
    // Another database (verify only reads: it never creates one, #13) where Mia is unknown.
    const elsewhere = freshDb();
    expect(await cli(elsewhere, ['import', plant])).toBe(0);
    expect(await cli(elsewhere, ['verify', out, '--json'])).toBe(1);
    expect(shapes.broken.parse(json())).toMatchObject({ intact: false, problem: 'signer_unknown' });

    expect(await cli(db, ['fulfil', id, '--json', '--user', 'Otto'], { pass: 'Otto passphrase 2' })).toBe(0);
    expect(shapes.moved.parse(json())).toMatchObject({ id, status: 'fulfilled' });
    expect(await cli(db, ['confirm', okReq, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    const ok = (json() as { promise_id: string }).promise_id;
    expect(await cli(db, ['cancel', ok, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    expect(shapes.moved.parse(json())).toMatchObject({ id: ok, status: 'cancelled' });
    expect(await cli(db, ['submit', bothReq, '--json', '--user', 'Sam'], { pass: 'Sam passphrase' })).toBe(0);
    const rejected = (json() as { promise_id: string }).promise_id;
    expect(await cli(db, ['reject', rejected, '--comment', 'not this month', '--json', '--user', 'Mia'], { pass: 'Mia passphrase' })).toBe(0);
    expect(shapes.moved.parse(json())).toMatchObject({ id: rejected, status: 'rejected' });

    const wb = join(dir, 'out.xlsx');
    expect(await cli(db, ['export-workbook', wb, '--json'])).toBe(0);
    expect(shapes.workbook.parse(json())).toMatchObject({ path: wb, format: 'xlsx', files: [wb] });
    expect(await cli(db, ['users', 'disable', 'Sam', '--user', 'Ada', '--json'], { pass: 'Ada passphrase' })).toBe(0);
    expect(shapes.user.parse(json())).toMatchObject({ name: 'Sam', disabled: true });
  }, 120_000);
});
