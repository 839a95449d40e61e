/**
 * The command line on a team database: `--db postgres://…` (and PROMISE_DB) gives the same output
 * and exit codes as a SQLite file, and `migrate-to-server` moves a laptop's database into an
 * empty team database where every signed summary still verifies.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeUrl } from '../../main/db/postgres/migrate';
import { localToday } from '../../main/services/dates';
import { demoWorkbook } from '../../main/demo/demo-workbook';
import { exportWorkbook } from '../../main/workbook/export-workbook';
import { freshDatabase, hasPostgres } from '../support/postgres';
import { tempDir } from '../unit/db/temp-db';
import { ROOT, cli } from './run-cli';
import { missing } from '../support/requires';

const dir = tempDir('promise-desk-team-cli-');
const AS_OF = '2026-03-02';
const plant = join(dir, 'plant');
const REQUEST = join(ROOT, 'test', 'fixtures', 'demo-request.json');
const PASS = { PROMISE_PASSPHRASE: 'correct horse battery', PROMISE_NEW_PASSPHRASE: 'correct horse battery' };

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * What a command prints, with where it worked named the same way for both databases, and the
 * minute a promise was confirmed masked: the two confirms run seconds apart on the real clock, and
 * a minute may turn between them (the list printed 08:55 for one and 08:56 for the other).
 */
const CONFIRMED_AT = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\b/g;
const same = (text: string, where: string) => text.replaceAll(where, 'DB').replace(CONFIRMED_AT, 'YYYY-MM-DD HH:MM UTC');

describe.skipIf(missing('PostgreSQL', hasPostgres()))('the command line on a team database', () => {
  let url: string;
  const file = join(dir, 'laptop.db');
  beforeAll(async () => {
    await exportWorkbook(demoWorkbook(AS_OF), plant);
    url = await freshDatabase('cli');
  });

  it('import, check, confirm and promises print the same for a file and a postgres:// URL', async () => {
    for (const args of [
      ['import', plant, '--as-of', AS_OF],
      ['check', REQUEST, '--as-of', AS_OF],
      ['confirm', REQUEST, '--as-of', AS_OF],
      ['check', REQUEST, '--as-of', AS_OF, '--json'],
      ['promises', '--status', 'confirmed'],
    ]) {
      const a = await cli([...args, '--db', file]);
      const b = await cli([...args, '--db', url]);
      expect(b.stderr, args.join(' ')).toBe(a.stderr);
      expect(b.code, args.join(' ')).toBe(a.code);
      expect(same(b.stdout, describeUrl(url)), args.join(' ')).toBe(same(a.stdout, file));
      if (args[0] === 'promises') expect(b.stdout).toMatch(CONFIRMED_AT); // the time is there, as a time
    }
    // PROMISE_DB names the team database too.
    const viaEnv = await cli(['promises', '--json'], { PROMISE_DB: url });
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.stdout).map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([['P-000001', 'confirmed']]);
  }, 180_000);

  it('refuses a team database it cannot reach, exit 1, naming it without a password', async () => {
    const r = await cli(['promises', '--db', 'postgres://someone:secret@127.0.0.1:1/nowhere']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot open the team database postgres:\/\/someone@127\.0\.0\.1:1\/nowhere/);
    expect(r.stderr).not.toContain('secret');
  }, 60_000);

  it('migrate-to-server moves users, promises and signed summaries; every summary still verifies; a second run is refused', async () => {
    const laptop = join(dir, 'moving.db');
    const team = await freshDatabase('moved');
    // Once users exist changes are checked as of today: a plant and a request of today.
    const today = localToday(new Date());
    const todayPlant = join(dir, 'plant-today');
    await exportWorkbook(demoWorkbook(today), todayPlant);
    const REQUEST = join(dir, 'request-today.json');
    writeFileSync(REQUEST, JSON.stringify({ customer: 'Stadtwerke Ulm', region: 'DE', lines: [{ sku: 'CP-32', qty: 10, requested_date: addDays(today, 40), unit_price: '850' }] }));
    expect((await cli(['import', todayPlant, '--db', laptop])).code).toBe(0);
    expect((await cli(['confirm', REQUEST, '--db', laptop])).stderr).toBe('');
    expect((await cli(['users', 'add', 'ada', '--role', 'admin', '--db', laptop], PASS)).code).toBe(0);
    expect((await cli(['users', 'add', 'sam', '--role', 'sales', '--db', laptop, '--user', 'ada'], PASS)).code).toBe(0);
    const c = await cli(['confirm', REQUEST, '--db', laptop, '--user', 'sam'], PASS);
    expect(c.stderr).toBe('');
    const summaries: string[] = [];
    for (const id of ['P-000001', 'P-000002']) {
      for (const copy of ['customer', 'internal']) {
        const f = join(dir, `${id}-${copy}.json`);
        expect((await cli(['export', id, '--format', 'json', '--copy', copy, '--out', f, '--db', laptop])).code).toBe(0);
        summaries.push(f);
      }
    }
    const pdf = join(dir, 'P-000002.pdf');
    expect((await cli(['export', 'P-000002', '--format', 'pdf', '--copy', 'customer', '--out', pdf, '--db', laptop])).code).toBe(0);

    const m = await cli(['migrate-to-server', '--db', laptop, '--to', team]);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/: 1 imports, 2 promises with \d+ holds, 2 users, 4 signed summaries\./);

    for (const f of [...summaries, pdf]) {
      const v = await cli(['verify', f, '--db', team]);
      expect(v.stdout, f).toMatch(/^intact: signed by (local \(admin\)|sam \(sales\))/);
      expect(v.code).toBe(0);
    }
    const onLaptop = await cli(['promises', '--json', '--db', laptop]);
    const onTeam = await cli(['promises', '--json', '--db', team]);
    expect(JSON.parse(onTeam.stdout)).toEqual(JSON.parse(onLaptop.stdout));
    expect((await cli(['users', 'list', '--db', team])).stdout).toBe((await cli(['users', 'list', '--db', laptop])).stdout);
    // Numbers continue after the laptop's.
    const next = await cli(['confirm', REQUEST, '--db', team, '--user', 'sam'], PASS);
    expect(next.stdout).toContain('P-000003');

    const again = await cli(['migrate-to-server', '--db', laptop, '--to', team]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  }, 240_000);
});
