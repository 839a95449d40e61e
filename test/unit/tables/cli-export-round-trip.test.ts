/**
 * The command line, as people run it (`npm run cli -- …`): the demo plant imported and edited,
 * `export-workbook` to a CSV folder and to an .xlsx, each export imported into a fresh database,
 * and `check --json` answers a request the same on all three (only the data version differs: it
 * names each import).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../main/access/authorize';
import { SqliteOperationsStore } from '../../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { demoRequests } from '../../../main/demo/demo-requests';
import { CheckService } from '../../../main/services/check-service';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { rowToCells } from '../../../shared/edits/cells';

const ROOT = resolve(import.meta.dirname, '../../..');
const AS_OF = '2026-03-02';
const dir = mkdtempSync(join(tmpdir(), 'promise-cli-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PROMISE_DB: '' }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function ok(...args: string[]): string {
  const r = cli(...args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('export-workbook, then import on a fresh database', () => {
  it('gives the same check --json answers, from a CSV folder and from an .xlsx', async () => {
    const db1 = join(dir, 'one.db');
    ok('demo-workbook', join(dir, 'demo'), '--today', AS_OF);
    ok('import', join(dir, 'demo'), '--db', db1, '--as-of', AS_OF);

    // Edits made in the app (through the service) are part of what is exported.
    const store = SqliteStore.open(db1);
    const deps = { checks: new CheckService(store, { now: () => new Date(`${AS_OF}T12:00:00`) }), ops: new SqliteOperationsStore(store.db) };
    const wb = (await deps.checks.loadPlant())!.workbook;
    const saved = await saveTableEdits(deps, LOCAL_ACTOR, (await store.dataVersion())!, [
      { table: 'resources', updates: [{ index: 0, cells: { ...rowToCells('resources', wb.resources[0]!), name: 'CNC, "big" one', overtime_hours_per_day: '' } }], inserts: [], deletes: [] },
      { table: 'inventory', updates: [], inserts: [], deletes: [0] },
    ], { asOf: AS_OF });
    expect(saved.ok).toBe(true);
    await store.close();

    expect(ok('export-workbook', join(dir, 'out-csv'), '--db', db1)).toMatch(/Wrote the tables of data version v\d+-[0-9a-f]{8} to .*out-csv \(12 CSV files\)/);
    ok('export-workbook', join(dir, 'out.xlsx'), '--db', db1);
    ok('import', join(dir, 'out-csv'), '--db', join(dir, 'two.db'), '--as-of', AS_OF);
    ok('import', join(dir, 'out.xlsx'), '--db', join(dir, 'three.db'), '--as-of', AS_OF);

    const requests = demoRequests(AS_OF).slice(0, 3);
    for (const [i, r] of requests.entries()) {
      const file = join(dir, `request-${i}.json`);
      writeFileSync(file, JSON.stringify(r.request));
      const answers = ['one', 'two', 'three'].map((name) => {
        const res = cli('check', file, '--db', join(dir, `${name}.db`), '--as-of', AS_OF, '--json');
        expect([0, 1]).toContain(res.code);
        const { data_version, ...rest } = JSON.parse(res.stdout) as { data_version: string };
        expect(data_version).toMatch(/^v\d+-/);
        return rest;
      });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
  }, 300_000);
});

describe('promises --at-risk', () => {
  it('lists the promise a capacity cut put at risk, with its reasons', async () => {
    const { exportWorkbook } = await import('../../../main/workbook/export-workbook');
    const { plant, request, line } = await import('../../support/plant');
    const db = join(dir, 'risk.db');
    await exportWorkbook(plant(), join(dir, 'small'));
    ok('import', join(dir, 'small'), '--db', db, '--as-of', AS_OF);
    const ids = ['2026-03-04', '2026-03-06'].map((d, i) => {
      const file = join(dir, `confirm-${i}.json`);
      writeFileSync(file, JSON.stringify(request(line('FG', 8, d))));
      return ok('confirm', file, '--db', db, '--as-of', AS_OF).trim().split(/\s+/).find((w) => /^P-\d+$/.test(w))!;
    });
    expect(ids.every(Boolean)).toBe(true);
    expect(JSON.parse(ok('promises', '--db', db, '--at-risk', '--json'))).toEqual([]);

    const store = SqliteStore.open(db);
    const deps = { checks: new CheckService(store, { now: () => new Date(`${AS_OF}T12:00:00`) }), ops: new SqliteOperationsStore(store.db) };
    const wd8 = (await deps.checks.loadPlant())!.workbook.calendars[0]!;
    const cells = { ...rowToCells('calendars', wd8), mon: '6', tue: '6', wed: '6', thu: '6', fri: '6' };
    expect((await saveTableEdits(deps, LOCAL_ACTOR, (await store.dataVersion())!, [{ table: 'calendars', updates: [{ index: 0, cells }], inserts: [], deletes: [] }], { asOf: AS_OF })).ok).toBe(true);
    await store.close();

    const risky = JSON.parse(ok('promises', '--db', db, '--at-risk', '--json')) as { id: string; at_risk: boolean; reasons: { code: string; message: string }[] }[];
    expect(risky.map((p) => [p.id, p.at_risk])).toEqual([[ids[1], true]]);
    expect(risky[0]!.reasons.map((r) => r.code)).toContain('capacity_short');
    expect(ok('promises', '--db', db, '--at-risk')).toContain('AT RISK');
  }, 120_000);
});
