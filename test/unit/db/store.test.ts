/**
 * The store test suite, run against both stores (SQLite and PostgreSQL): the same operations give
 * the same answers. A few tests read the database directly to show how cells are kept.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../main/db/migrate';
import { pgLatestVersion } from '../../../main/db/postgres/migrate';
import type { PostgresStore } from '../../../main/db/postgres/pg-store';
import type { SqliteStore } from '../../../main/db/sqlite-store';
import type { Revalidate, Store } from '../../../main/db/store';
import { demoWorkbook } from '../../../main/demo/demo-workbook';
import { CheckService } from '../../../main/services/check-service';
import { revalidator } from '../../../main/services/revalidator';
import type { Hold } from '../../../shared/engine/types';
import type { CheckRequestInput } from '../../../shared/schemas/check';
import { openStoreUnderTest, storeKinds, type StoreUnderTest } from '../../support/stores';
import { packedRows } from '../../support/packed-rows';
import { packHolds } from '../../../shared/engine/packed-holds';

const TODAY = '2026-03-02';
const wb = demoWorkbook(TODAY);
const meta = { source: 'demo', sha256: 'abcdef0123456789'.repeat(4), user: 'ana', at: '2026-03-02T08:00:00.000Z' };
const none: Revalidate = () => [];
const request = (qty: number, date = '2026-03-25'): CheckRequestInput => ({
  customer: 'Stadtwerke Ulm',
  region: 'DE',
  lines: [{ sku: 'CP-32', qty, requested_date: date, unit_price: '850' }],
});

describe.each(storeKinds())('%s store', (kind) => {
let store: Store;
let t: StoreUnderTest;
beforeEach(async () => {
  t = await openStoreUnderTest(kind);
  store = t.store;
  return () => t.close();
});

async function checked(qty: number) {
  const c = await new CheckService(store, { now: () => new Date('2026-03-02T09:00:00Z') }).check(request(qty), TODAY);
  if (!c.ok) throw new Error(JSON.stringify(c));
  return c;
}

describe('operations tables', () => {
  it('has no plant before the first import', async () => {
    expect(await store.loadPlant()).toBeNull();
    expect(await store.dataVersion()).toBeNull();
  });

  it('gives back exactly the imported tables, with the import recorded and its data version', async () => {
    const out = await store.importWorkbook(wb, meta, none);
    expect(out.import.dataVersion).toBe('v1-abcdef01');
    const plant = await store.loadPlant();
    expect(plant?.workbook).toEqual(wb);
    expect(plant?.dataVersion).toBe('v1-abcdef01');
    expect(await store.listImports()).toEqual([
      { id: 1, at: meta.at, source: 'demo', sha256: meta.sha256, user: 'ana', dataVersion: 'v1-abcdef01', rowCounts: Object.fromEntries(Object.entries(wb).map(([t, rows]) => [t, rows.length])) },
    ]);
    const again = await store.importWorkbook(wb, { ...meta, sha256: '12345678ff' }, none);
    expect(again.import.dataVersion).toBe('v2-12345678');
    expect(await store.dataVersion()).toBe('v2-12345678');
  });

  it('stores decimals as their canonical text and empty cells as NULL', async () => {
    await store.importWorkbook(wb, meta, none);
    const sql = `SELECT resource_id, cost_per_hour, overtime_hours_per_day, overtime_cost_per_hour FROM resources ORDER BY position`;
    const rows = kind === 'sqlite' ? (store as SqliteStore).db.prepare(sql).all() : (await (store as PostgresStore).pool.query(sql)).rows;
    expect(rows).toContainEqual({ resource_id: 'ASSY', cost_per_hour: '62', overtime_hours_per_day: '2', overtime_cost_per_hour: '84.5' });
    expect(rows).toContainEqual({ resource_id: 'LATHE-1', cost_per_hour: '78', overtime_hours_per_day: null, overtime_cost_per_hour: null });
    if (kind === 'sqlite') expect((store as SqliteStore).db.prepare(`SELECT typeof(qty) AS t FROM receipts LIMIT 1`).get()).toEqual({ t: 'integer' });
    else expect((await (store as PostgresStore).pool.query(`SELECT pg_typeof(qty)::text AS t, pg_typeof(date)::text AS d FROM receipts LIMIT 1`)).rows[0]).toEqual({ t: 'bigint', d: 'date' });
  });

  it('gives back a table of many thousand rows in its order, and names a bad row far down it', async () => {
    // More rows than one read of a table takes at a time (4,096 in SQLite), so reads cross batches.
    const load = Array.from({ length: 9_000 }, (_, i) => ({ resource_id: wb.resources[i % wb.resources.length]!.resource_id, date: '2026-03-0' + (1 + (i % 9)), hours: String(i % 13) }));
    const big = { ...wb, resource_load: load };
    await store.importWorkbook(big, meta, none);
    expect((await store.loadPlant())?.workbook).toEqual(big);
    await t.exec(`UPDATE resource_load SET hours = '-1' WHERE position = 8500`);
    await expect(store.loadPlant()).rejects.toThrow(/resource_load, row 8501: hours/);
  });

  it('refuses to read back a row that is not valid (the database is a trust boundary)', async () => {
    await store.importWorkbook(wb, meta, none);
    await t.exec(`UPDATE calendars SET mon = '25' WHERE position = 0`);
    await expect(store.loadPlant()).rejects.toThrow(/calendars, row 1: mon must be at most 24/);
  });

  it('rolls the whole import back when revalidation fails', async () => {
    await store.importWorkbook(wb, meta, none);
    const before = await store.dump();
    const changed = { ...wb, inventory: [] };
    await expect(store.importWorkbook(changed, meta, () => { throw new Error('engine failed'); })).rejects.toThrow('engine failed');
    expect(await store.dump()).toBe(before);
  });
});

describe('promises and holds', () => {
  beforeEach(async () => {
    await store.importWorkbook(wb, meta, none);
  });

  it('records a confirmed promise with its holds and first event, and bumps the holds version', async () => {
    const c = await checked(30);
    expect(c.holds.length).toBeGreaterThan(0);
    const v0 = await store.holdsVersion();
    const r = await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, c.holdsVersion);
    expect(r).toEqual({ ok: true, id: 'P-000001', holdsVersion: v0 + 1 });
    expect(await store.loadOpenHolds()).toEqual(c.holds);
    const p = await store.getPromise('P-000001');
    expect(p).toMatchObject({ id: 'P-000001', status: 'confirmed', customer: 'Stadtwerke Ulm', region: 'DE', mode: 'standard', asOf: TODAY, dataVersion: 'v1-abcdef01', createdBy: 'ana', atRisk: false, riskReasons: [], orderSeq: 1 });
    expect(p?.confirmedAt).not.toBeNull();
    expect(p?.request).toEqual(c.request);
    expect(p?.result).toEqual(c.result);
    expect(p?.holds).toEqual(c.holds);
    expect(p?.events).toEqual([{ at: p!.createdAt, user: 'ana', from: null, to: 'confirmed', comment: null }]);
  });

  it('hands the open holds and their version over packed in one snapshot, the same as in a list', async () => {
    const a = await checked(3);
    const b = await checked(2);
    expect(await store.recordPromise({ status: 'confirmed', request: a.request, result: a.result, holds: a.holds, user: 'ana' }, a.holdsVersion)).toMatchObject({ ok: true });
    expect(await store.recordPromise({ status: 'confirmed', request: b.request, result: b.result, holds: b.holds, user: 'ana' }, await store.holdsVersion())).toMatchObject({ ok: true });
    const listed = await store.openHoldsWithVersion();
    const packed = await store.packedOpenHolds();
    expect(packedRows(packed.holds)).toEqual(packedRows(packHolds(listed.holds)));
    expect(packed.holds.goods.n + packed.holds.hours.n).toBe(a.holds.length + b.holds.length);
    expect(packed.version).toBe(listed.version);
    expect(packed.version).toBe(await store.holdsVersion());
    // A promise no longer open holds nothing there either.
    expect(await store.transition('P-000001', 'confirmed', 'cancelled', 'ana', null, { kind: 'release' })).toMatchObject({ ok: true });
    const after = await store.packedOpenHolds();
    expect(packedRows(after.holds)).toEqual(packedRows(packHolds(b.holds)));
    expect(after.version).toBe((await store.openHoldsWithVersion()).version);
  });

  it('tells a follower the tables\' data version with the holds since its own, in one read', async () => {
    const c = await checked(30);
    const v0 = await store.holdsVersion();
    await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, c.holdsVersion);
    expect(await store.holdChangesSince(v0)).toEqual({ version: v0 + 1, dataVersion: 'v1-abcdef01', changes: [{ version: v0 + 1, added: c.holds, released: [] }] });
    await store.importWorkbook(wb, { ...meta, sha256: '12345678ff' }, none);
    // An import is a rebuild marker: no incremental catch-up across it, and the new version is told.
    expect(await store.holdChangesSince(v0 + 1)).toBeNull();
    const now = await store.holdsVersion();
    expect(await store.holdChangesSince(now)).toEqual({ version: now, dataVersion: 'v2-12345678', changes: [] });
  });

  it('numbers promises with at least six digits, and past 999,999 with more', async () => {
    await t.exec(kind === 'sqlite' ? "UPDATE meta SET value = 999998 WHERE key = 'promise_number'" : "SELECT setval('promise_number', 999998)");
    const ids = [];
    for (const qty of [1, 1]) {
      const c = await checked(qty);
      const r = await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, c.holdsVersion);
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.id);
    }
    expect(ids).toEqual(['P-999999', 'P-1000000']);
    expect((await store.getPromise('P-1000000'))?.events).toEqual([expect.objectContaining({ from: null, to: 'confirmed', user: 'ana' })]);
  });

  it('refuses a promise checked against holds that changed meanwhile, and writes nothing', async () => {
    const first = await checked(10);
    const second = await checked(10);
    expect((await store.recordPromise({ status: 'confirmed', request: first.request, result: first.result, holds: first.holds, user: 'a' }, first.holdsVersion)).ok).toBe(true);
    const before = await store.dump();
    const r = await store.recordPromise({ status: 'confirmed', request: second.request, result: second.result, holds: second.holds, user: 'b' }, second.holdsVersion);
    expect(r).toEqual({ ok: false, conflict: 'holds_changed', holdsVersion: second.holdsVersion + 1 });
    expect(await store.dump()).toBe(before);
  });

  it('saves drafts without holds and without the version test', async () => {
    const c = await checked(5);
    const r = await store.recordPromise({ status: 'draft', request: c.request, result: c.result, holds: c.holds, user: 'a' }, -1);
    expect(r.ok).toBe(true);
    expect(await store.loadOpenHolds()).toEqual([]);
    expect((await store.getPromise('P-000001'))?.orderSeq).toBeNull();
  });

  it('moves a promise between states, refusing a stale "from", and releases holds', async () => {
    const c = await checked(10);
    await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'a' }, c.holdsVersion);
    expect(await store.transition('P-000009', 'confirmed', 'cancelled', 'a', null, { kind: 'release' })).toMatchObject({ ok: false, conflict: 'not_found' });
    expect(await store.transition('P-000001', 'awaiting_approval', 'confirmed', 'a', null, { kind: 'keep' })).toMatchObject({ ok: false, conflict: 'status_changed', status: 'confirmed' });
    const v = await store.holdsVersion();
    const t = await store.transition('P-000001', 'confirmed', 'cancelled', 'a', 'customer withdrew', { kind: 'release' });
    expect(t).toMatchObject({ ok: true, promise: { status: 'cancelled' }, holdsVersion: v + 1 });
    expect(await store.loadOpenHolds()).toEqual([]);
    // Followers hear what it gave back.
    expect((await store.holdChangesSince(v))?.changes).toEqual([{ version: v + 1, added: [], released: c.holds }]);
    expect((await store.getPromise('P-000001'))?.events.map((e) => [e.from, e.to, e.comment])).toEqual([
      [null, 'confirmed', null],
      ['confirmed', 'cancelled', 'customer withdrew'],
    ]);
  });

  it('tells followers what a promise held when it leaves the open statuses keeping its holds (expiry)', async () => {
    const c = await checked(10);
    await store.recordPromise({ status: 'awaiting_approval', request: c.request, result: c.result, holds: c.holds, user: 'sam' }, c.holdsVersion);
    const v = await store.holdsVersion();
    expect(await store.transition('P-000001', 'awaiting_approval', 'expired', 'system', null, { kind: 'keep' })).toMatchObject({ ok: true, holdsVersion: v + 1 });
    expect((await store.holdChangesSince(v))?.changes).toEqual([{ version: v + 1, added: [], released: c.holds }]);
    expect(await store.loadOpenHolds()).toEqual([]);
  });

  it('records submission, approvals and the confirming transition', async () => {
    const c = await checked(10);
    await store.recordPromise({ status: 'awaiting_approval', request: c.request, result: c.result, holds: c.holds, user: 'sam', holdExpiresAt: '2026-03-05T08:00:00.000Z' }, c.holdsVersion);
    await store.recordApproval('P-000001', { role: 'operations', user: 'olga', decision: 'approved', comment: 'overtime ok' });
    const v = await store.holdsVersion();
    expect(await store.transition('P-000001', 'awaiting_approval', 'confirmed', 'max', null, { kind: 'keep' }, { expectedHoldsVersion: v - 1 })).toMatchObject({ ok: false, conflict: 'holds_changed' });
    const t = await store.transition('P-000001', 'awaiting_approval', 'confirmed', 'max', 'fine', { kind: 'keep' }, { expectedHoldsVersion: v, approval: { role: 'manager', decision: 'approved' }, holdExpiresAt: null });
    expect(t.ok).toBe(true);
    const p = await store.getPromise('P-000001');
    expect(p).toMatchObject({ status: 'confirmed', holdExpiresAt: null, orderSeq: 1 });
    expect(p?.approvals.map((a) => [a.role, a.approvedBy, a.decision])).toEqual([
      ['operations', 'olga', 'approved'],
      ['manager', 'max', 'approved'],
    ]);
    expect(await store.loadOpenHolds()).toEqual(c.holds);
  });

  it('expires holds that lapsed, and only those', async () => {
    const a = await checked(4);
    await store.recordPromise({ status: 'awaiting_approval', request: a.request, result: a.result, holds: a.holds, user: 's', holdExpiresAt: '2026-03-05T08:00:00.000Z' }, a.holdsVersion);
    const b = await checked(4);
    await store.recordPromise({ status: 'awaiting_approval', request: b.request, result: b.result, holds: b.holds, user: 's', holdExpiresAt: '2026-03-06T08:00:00.000Z' }, b.holdsVersion);
    expect(await store.expireHolds('2026-03-05T07:59:59.999Z')).toEqual([]);
    expect(await store.expireHolds('2026-03-05T08:00:00.000Z')).toEqual(['P-000001']);
    expect((await store.listPromises({ status: 'expired' })).map((p) => p.id)).toEqual(['P-000001']);
    expect(await store.loadOpenHolds()).toEqual(b.holds);
  });

  it('lists promises by status and risk', async () => {
    for (const qty of [3, 4, 5]) {
      const c = await checked(qty);
      await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'a' }, c.holdsVersion);
    }
    await store.transition('P-000002', 'confirmed', 'fulfilled', 'a', null, { kind: 'release' });
    await t.setAtRisk('P-000003', [{ code: 'capacity_short', message: 'full' }]);
    expect((await store.listPromises()).map((p) => p.id)).toEqual(['P-000001', 'P-000002', 'P-000003']);
    expect((await store.listPromises({ status: 'confirmed' })).map((p) => p.id)).toEqual(['P-000001', 'P-000003']);
    expect((await store.listPromises({ status: ['fulfilled', 'cancelled'] })).map((p) => p.id)).toEqual(['P-000002']);
    expect(await store.listPromises({ atRisk: true })).toMatchObject([{ id: 'P-000003', atRisk: true, riskReasons: [{ code: 'capacity_short', message: 'full' }] }]);
  });

  it('an import replans open promises in the order they were confirmed and stores what comes back', async () => {
    for (const qty of [6, 7]) {
      const c = await checked(qty);
      await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'a' }, c.holdsVersion);
    }
    const d = await checked(8);
    await store.recordPromise({ status: 'draft', request: d.request, result: d.result, holds: [], user: 'a' }, 0);
    const seen: { ids: string[]; dataVersion: string } = { ids: [], dataVersion: '' };
    const hold: Hold = { type: 'goods', line: 0, sku: 'CP-32', date: '2026-03-20', qty: 1, use: 'finished' };
    const v = await store.holdsVersion();
    const out = await store.importWorkbook(wb, { ...meta, sha256: '99999999' }, (w, dataVersion, open) => {
      seen.ids = open.map((p) => p.id);
      seen.dataVersion = dataVersion;
      expect(w).toBe(wb);
      expect(open[0]!.request.lines[0]!.qty).toBe(6);
      expect(open[0]!.covered).toEqual([]);
      expect(open[0]!.dispatchDates).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
      return [
        { id: 'P-000001', rechecked: true, result: null, holds: [hold], atRisk: false, reasons: [] },
        { id: 'P-000002', rechecked: true, result: null, holds: [], atRisk: true, reasons: [{ code: 'stock_short', message: 'gone' }] },
      ];
    });
    expect(seen).toEqual({ ids: ['P-000001', 'P-000002'], dataVersion: 'v2-99999999' });
    expect(out).toMatchObject({ revalidated: ['P-000001', 'P-000002'], atRisk: ['P-000002'] });
    expect(await store.loadOpenHolds()).toEqual([hold]);
    expect(await store.holdsVersion()).toBe(v + 1);
    expect((await store.listPromises({ atRisk: true })).map((p) => [p.id, p.riskReasons])).toEqual([['P-000002', [{ code: 'stock_short', message: 'gone' }]]]);
  });

  it('with the engine: a promise that no longer fits after an import is at risk, and one that fits again is cleared', async () => {
    const c = await checked(30);
    await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'a' }, c.holdsVersion);
    const starved = { ...wb, inventory: wb.inventory.filter((r) => r.sku !== 'CP-32'), receipts: wb.receipts.filter((r) => r.sku !== 'CP-32'), orders: [], resource_load: wb.resource_load.map((l) => ({ ...l, hours: '24' })) };
    starved.calendar_exceptions = [...wb.calendar_exceptions];
    const noCapacity = { ...starved, calendars: starved.calendars.map((cal) => ({ ...cal, mon: '0', tue: '0', wed: '0', thu: '0', fri: '0' })) };
    const r1 = await store.importWorkbook(noCapacity, { ...meta, sha256: '11111111' }, revalidator(TODAY));
    expect(r1.atRisk).toEqual(['P-000001']);
    const [p] = await store.listPromises({ atRisk: true });
    expect(p?.riskReasons.length).toBeGreaterThan(0);
    const r2 = await store.importWorkbook(wb, { ...meta, sha256: '22222222' }, revalidator(TODAY));
    expect(r2.atRisk).toEqual([]);
    expect(await store.listPromises({ atRisk: true })).toEqual([]);
  });

  it('dumps deterministically', async () => {
    expect(await store.dump()).toBe(await store.dump());
    expect(await store.dump()).toMatch(kind === 'sqlite' ? new RegExp(`^user_version ${LATEST_VERSION}\\n`) : new RegExp(`^schema_version ${pgLatestVersion()}\\n`));
  });
});
});
