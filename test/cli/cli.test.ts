import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { demoWorkbook } from '../../main/demo/demo-workbook';
import { exportWorkbook } from '../../main/workbook/export-workbook';
import { checkResult } from '../../shared/schemas/check';
import { tempDir } from '../unit/db/temp-db';
import { ROOT, cli } from './run-cli';

const dir = tempDir('promise-desk-cli-');
const AS_OF = '2026-03-02';
const plant = join(dir, 'plant');
const db = join(dir, 'plant.db');
const REQUEST = join(ROOT, 'test', 'fixtures', 'demo-request.json');
const file = (name: string, value: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
  return f;
};
const request = (lines: unknown[], extra: Record<string, unknown> = {}) => ({ customer: 'Stadtwerke Ulm', region: 'DE', lines, ...extra });

beforeAll(async () => {
  await exportWorkbook(demoWorkbook(AS_OF), plant);
  const r = await cli(['import', plant, '--db', db, '--as-of', AS_OF]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/data version v1-[0-9a-f]{8}/);
});

describe('check', () => {
  it('--json prints exactly one JSON object: the check result', async () => {
    const r = await cli(['check', REQUEST, '--db', db, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = checkResult.parse(JSON.parse(r.stdout));
    expect(result).toMatchObject({ as_of: AS_OF, status: 'ok', currency: 'EUR', data_version: expect.stringMatching(/^v1-/) });
    expect(result.lines.map((l) => l.sku)).toEqual(['CP-32', 'DP-25']);
  });

  it('prints a readable answer by default', async () => {
    const r = await cli(['check', REQUEST, '--db', db, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK: Stadtwerke Ulm, region DE/);
    expect(r.stdout).toContain('Line 1: 10 pcs CP-32');
    expect(r.stdout).toContain('chosen plan: regular');
    expect(r.stdout).toMatch(/regular +earliest \d{4}-\d{2}-\d{2}, by date \d+, cost [\d.]+ EUR/);
  });

  it.each([
    ['not JSON', '{"customer": ', /is not valid JSON/],
    ['qty not whole', request([{ sku: 'CP-32', qty: 2.5, requested_date: '2026-03-25', unit_price: '850' }]), /lines\[0\]\.qty must be a positive whole number, got 2\.5/],
    ['unknown sku', request([{ sku: 'NOPE', qty: 1, requested_date: '2026-03-25', unit_price: '850' }]), /lines\[0\]\.sku NOPE is not a product/],
    ['date before as-of', request([{ sku: 'CP-32', qty: 1, requested_date: '2026-03-01', unit_price: '850' }]), /lines\[0\]\.requested_date/],
    ['no lines', request([]), /lines must have at least one line/],
    ['unknown field', request([{ sku: 'CP-32', qty: 1, requested_date: '2026-03-25', unit_price: '850' }], { colour: 'red' }), /unknown field "colour"/],
  ])('a bad request (%s) exits 1 naming the file and field', async (name, body, message) => {
    const f = file(`bad-${name.replaceAll(' ', '-')}.json`, body);
    const r = await cli(['check', f, '--db', db, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(f);
    expect(r.stderr).toMatch(message);
  });

  it('a request file that does not exist, or a bad --as-of, exits 1', async () => {
    const missing = await cli(['check', join(dir, 'nope.json'), '--db', db]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/nope\.json does not exist/);
    const badDate = await cli(['check', REQUEST, '--db', db, '--as-of', '2026-02-30']);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--as-of must be a date/);
  });

  it('a database without a plant asks for an import; a missing one is named, not created', async () => {
    const empty = join(dir, 'empty.db');
    openDatabase(empty).close();
    const r = await cli(['check', REQUEST, '--db', empty, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no operations tables yet: import a workbook first/);
    const missing = join(dir, 'missing.db');
    const m = await cli(['check', REQUEST, '--db', missing, '--as-of', AS_OF]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`There is no database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('PROMISE_DB names the database when --db is left out', async () => {
    const r = await cli(['check', REQUEST, '--as-of', AS_OF, '--json'], { PROMISE_DB: db });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('ok');
  });

  it("the app's own database is filled with the demo plant of today on first use", async () => {
    const home = join(dir, 'home');
    const r = await cli(['promises', '--json'], { HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const check = await cli(['export-workbook', join(dir, 'seeded')], { HOME: home, XDG_CONFIG_HOME: join(home, '.config') });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/data version v1-/);
  });
});

describe('confirm and promises', () => {
  const confirmDb = join(dir, 'confirm.db');
  beforeAll(async () => {
    expect((await cli(['import', plant, '--db', confirmDb, '--as-of', AS_OF])).code).toBe(0);
  });

  it('confirms an ok check, and a later check sees its hold', async () => {
    const req = file('confirm-ok.json', request([{ sku: 'SP-4', qty: 5, requested_date: '2026-04-10', unit_price: '1150' }]));
    const before = checkResult.parse(JSON.parse((await cli(['check', req, '--db', confirmDb, '--as-of', AS_OF, '--json'])).stdout));
    const r = await cli(['confirm', req, '--db', confirmDb, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.promise_id).toBe('P-000001');
    expect(checkResult.parse(out).status).toBe('ok');
    const after = checkResult.parse(JSON.parse((await cli(['check', req, '--db', confirmDb, '--as-of', AS_OF, '--json'])).stdout));
    const avail = (x: typeof before) => x.lines[0]!.plans.find((p) => p.kind === 'regular')!.available_by_requested_date!;
    expect(avail(after)).toBe(avail(before) - 5);

    const text = await cli(['confirm', req, '--db', confirmDb, '--as-of', AS_OF]);
    expect(text).toMatchObject({ code: 0, stdout: 'Confirmed P-000002 for Stadtwerke Ulm.\n' });
  });

  it('refuses to confirm a check that is not ok: exit 1, status and reasons on stderr, promise_id null', async () => {
    const req = file('confirm-nf.json', request([{ sku: 'BS-100', qty: 12, requested_date: '2026-03-25', unit_price: '4750' }]));
    const r = await cli(['confirm', req, '--db', confirmDb, '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'not_feasible', promise_id: null });
    expect(r.stderr).toMatch(/Not confirmed: the check is not feasible/);
    expect(r.stderr).toMatch(/line 1 \(BS-100\): capacity_short: /);
    const text = await cli(['confirm', req, '--db', confirmDb, '--as-of', AS_OF]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
  });

  it('lists promises, as JSON or text, by status and risk', async () => {
    const r = await cli(['promises', '--db', confirmDb, '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list).toEqual([
      { id: 'P-000001', status: 'confirmed', at_risk: false, reasons: [], customer: 'Stadtwerke Ulm', created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
      { id: 'P-000002', status: 'confirmed', at_risk: false, reasons: [], customer: 'Stadtwerke Ulm', created_at: expect.any(String) },
    ]);
    expect(JSON.parse((await cli(['promises', '--db', confirmDb, '--json', '--at-risk'])).stdout)).toEqual([]);
    expect(JSON.parse((await cli(['promises', '--db', confirmDb, '--json', '--status', 'cancelled'])).stdout)).toEqual([]);
    const text = await cli(['promises', '--db', confirmDb]);
    expect(text.stdout).toMatch(/^P-000001 +confirmed/m);
  });

  it('import --dry-run prints the changes per table and the promises that would be at risk, and changes nothing', async () => {
    const starved = join(dir, 'starved');
    const wb = demoWorkbook(AS_OF);
    await exportWorkbook({ ...wb, calendars: wb.calendars.map((c) => ({ ...c, mon: '0', tue: '0', wed: '0', thu: '0', fri: '0' })), inventory: [], receipts: [], orders: [] }, starved);
    // The dry run first: what it would change and put at risk, and nothing written.
    const before = (await cli(['export-workbook', join(dir, 'dry-before'), '--db', confirmDb])).stdout;
    const listed = (await cli(['promises', '--db', confirmDb, '--json'])).stdout;
    const dry = await cli(['import', starved, '--db', confirmDb, '--as-of', AS_OF, '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run of starved \(CSV folder, \d+ rows\): nothing was changed\./);
    expect(dry.stdout).toMatch(/^calendars: 0 added, 5 changed, 0 removed \(0 unchanged\)$/m);
    expect(dry.stdout).toMatch(/^ {2}~ MACH-2S: mon 16 → 0, tue 16 → 0, wed 16 → 0, thu 16 → 0, fri 16 → 0$/m);
    expect(dry.stdout).toMatch(/^inventory: 0 added, 0 changed, \d+ removed/m);
    expect(dry.stdout).toContain('Open promises replanned as of 2026-03-02: 2. 2 promises would become at risk.');
    expect(dry.stdout).toMatch(/^Would become at risk:\n {2}P-000001 \(Stadtwerke Ulm\): .+\n {2}P-000002 \(Stadtwerke Ulm\): .+$/m);
    const json = await cli(['import', starved, '--db', confirmDb, '--as-of', AS_OF, '--dry-run', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ dry_run: true, source: 'starved', format: 'csv', as_of: AS_OF, impact: { open: 2, stop_at_risk: [], stay_at_risk: 0 } });
    expect(parsed.impact.become_at_risk.map((p: { id: string }) => p.id)).toEqual(['P-000001', 'P-000002']);
    expect(parsed.impact.become_at_risk[0].reasons.length).toBeGreaterThan(0);
    expect(parsed.tables.find((t: { table: string }) => t.table === 'calendars')).toMatchObject({ changed: 5, changes: expect.arrayContaining([expect.objectContaining({ op: 'change', key: 'MACH-2S' })]) });
    expect((await cli(['export-workbook', join(dir, 'dry-after'), '--db', confirmDb])).stdout.replace('dry-after', 'dry-before')).toBe(before);
    expect((await cli(['promises', '--db', confirmDb, '--json'])).stdout).toBe(listed);
    // A bad workbook in a dry run exits 1 with its problems. (`import --json` alone is a real
    // import with a JSON answer since the command line's --json on every command.)
    const bad = join(dir, 'dry-bad');
    await exportWorkbook(wb, bad);
    writeFileSync(join(bad, 'inventory.csv'), 'sku,on_hand\nCP-32,many\n');
    const refused = await cli(['import', bad, '--db', confirmDb, '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('inventory.csv, line 2, column on_hand: must be a whole number, got "many"');
  }, 120_000);

  it('a new import replans open promises and flags those that no longer fit', async () => {
    const starved = join(dir, 'starved');
    const wb = demoWorkbook(AS_OF);
    await exportWorkbook({ ...wb, calendars: wb.calendars.map((c) => ({ ...c, mon: '0', tue: '0', wed: '0', thu: '0', fri: '0' })), inventory: [], receipts: [], orders: [] }, starved);
    const r = await cli(['import', starved, '--db', confirmDb, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Open promises checked again as of 2026-03-02: 2; at risk: P-000001, P-000002/);
    const risky = JSON.parse((await cli(['promises', '--db', confirmDb, '--json', '--at-risk'])).stdout);
    expect(risky.map((p: { id: string }) => p.id)).toEqual(['P-000001', 'P-000002']);
    expect(risky[0].reasons.length).toBeGreaterThan(0);
  });
});

describe('import and export', () => {
  it('a bad workbook: exit 1, every problem with its place, nothing changed', async () => {
    const bad = join(dir, 'bad');
    await exportWorkbook(demoWorkbook(AS_OF), bad);
    writeFileSync(join(bad, 'inventory.csv'), 'sku,on_hand,colour\nCP-32,many,red\nCP-50,2026-02-30,\n');
    const before = await cli(['export-workbook', join(dir, 'before'), '--db', db]);
    const r = await cli(['import', bad, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'inventory.csv, line 1, column colour: unknown column "colour" (the columns of inventory are sku, on_hand)',
      'inventory.csv, line 2, column on_hand: must be a whole number, got "many"',
      'inventory.csv, line 3, column on_hand: must be a whole number, got "2026-02-30"',
      'The workbook was not imported (3 problems); the database is unchanged.',
    ]);
    const after = await cli(['export-workbook', join(dir, 'after'), '--db', db]);
    expect(after.stdout.replace('after', 'before')).toBe(before.stdout);
  });

  it('exports the tables as a CSV folder and as .xlsx, and both import again', async () => {
    for (const target of [join(dir, 'out-csv'), join(dir, 'out.xlsx')]) {
      const r = await cli(['export-workbook', target, '--db', db]);
      expect(r.code).toBe(0);
      const again = await cli(['import', target, '--db', join(dir, `again-${target.endsWith('.xlsx') ? 'x' : 'c'}.db`)]);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
    }
  });
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['check']],
    [['check', 'a.json', 'b.json']],
    [['check', 'a.json', '--colour']],
    [['promises', '--status', 'lost']],
    [['import']],
  ])('%j exits 2 with usage on stderr', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/usage/);
  });

  it('--help prints the commands on stdout', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/import <folder\|file\.xlsx>/);
  });
});
