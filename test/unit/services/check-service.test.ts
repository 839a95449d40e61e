import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import type { Store } from '../../../main/db/store';
import { demoWorkbook } from '../../../main/demo/demo-workbook';
import { CheckService } from '../../../main/services/check-service';
import { openDesk } from '../../../main/desk/open-desk';
import { DEMO_SOURCE, seedDemoIfEmpty } from '../../../main/services/workbook-service';
import { revalidator } from '../../../main/services/revalidator';
import type { CheckRequestInput } from '../../../shared/schemas/check';
import { confirmAs } from '../../support/confirm';
import { tempDbPath, tempDir } from '../db/temp-db';

const dir = tempDir();
const TODAY = '2026-03-02';
const clock = () => new Date('2026-03-02T09:00:00Z');
const req = (qty: number, sku = 'SP-4'): CheckRequestInput => ({ customer: 'Budimex', region: 'PL', lines: [{ sku, qty, requested_date: '2026-04-10', unit_price: '1150' }] });
const available = (r: { lines: { plans: { kind: string; available_by_requested_date: number | null }[] }[] }) =>
  r.lines[0]!.plans.find((p) => p.kind === 'regular')!.available_by_requested_date;

async function demoStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(tempDbPath(dir));
  await store.importWorkbook(demoWorkbook(TODAY), { source: 'demo', sha256: '0123456789abcdef', user: 't' }, revalidator(TODAY));
  return store;
}

describe('CheckService', () => {
  it('says so when the database has no plant, and a seeded one gets the demo plant once', async () => {
    const store = SqliteStore.open(tempDbPath(dir));
    const service = new CheckService(store, { now: clock });
    expect(await service.check(req(1), TODAY)).toMatchObject({ ok: false, kind: 'no_plant' });
    expect(await seedDemoIfEmpty(store, { today: TODAY, user: 'local' })).toBe(true);
    expect(await seedDemoIfEmpty(store, { today: TODAY, user: 'local' })).toBe(false);
    expect((await store.listImports()).map((i) => i.source)).toEqual([DEMO_SOURCE]);
    expect(await service.check(req(1), TODAY)).toMatchObject({ ok: true, result: { status: 'ok' } });
    await store.close();
  });

  it('the desk fills only when asked to', async () => {
    const a = (await openDesk(tempDbPath(dir), { seedDemo: false, expireHolds: false })).checks;
    expect(await a.store.dataVersion()).toBeNull();
    await a.store.close();
    const b = (await openDesk(tempDbPath(dir), { seedDemo: true, now: clock, expireHolds: false })).checks;
    expect(await b.store.dataVersion()).toMatch(/^v1-/);
    await b.store.close();
  });

  it('gives field errors for a bad request', async () => {
    const store = await demoStore();
    const c = await new CheckService(store, { now: clock }).check({ customer: 42, region: 'XX', lines: [] }, TODAY); // an empty customer is fine for a check, text is required
    expect(c).toMatchObject({ ok: false, kind: 'request' });
    if (!c.ok && c.kind === 'request') expect(c.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['customer', 'lines']));
    await store.close();
  });

  it('confirms an ok check and refuses one that is not ok, recording nothing', async () => {
    const store = await demoStore();
    const service = new CheckService(store, { now: clock, user: 'ana' });
    const ok = await confirmAs(service, req(4), TODAY, { name: 'ana', role: 'sales' });
    expect(ok).toMatchObject({ ok: true, id: 'P-000001' });
    const refused = await confirmAs(service, { customer: 'Hochhaus', region: 'DE', lines: [{ sku: 'BS-100', qty: 12, requested_date: '2026-03-25', unit_price: '4750' }] }, TODAY);
    expect(refused).toMatchObject({ ok: false, kind: 'not_ok', result: { status: 'not_feasible' } });
    expect((await service.listPromises()).map((p) => [p.id, p.createdBy])).toEqual([['P-000001', 'ana']]);
    await store.close();
  });

  it('sees what another process confirmed (the holds version moved), though its model is cached', async () => {
    const file = tempDbPath(dir);
    const seed = SqliteStore.open(file);
    await seed.importWorkbook(demoWorkbook(TODAY), { source: 'demo', sha256: 'ab', user: 't' }, revalidator(TODAY));
    await seed.close();
    const a = new CheckService(SqliteStore.open(file), { now: clock });
    const b = new CheckService(SqliteStore.open(file), { now: clock });
    const before = await a.check(req(1), TODAY);
    expect((await confirmAs(b, req(6), TODAY)).ok).toBe(true);
    const after = await a.check(req(1), TODAY);
    if (!before.ok || !after.ok) throw new Error('check failed');
    expect(available(after.result)).toBe(available(before.result)! - 6);
    await a.store.close();
    await b.store.close();
  });

  it('checks again when holds changed between its check and its record (optimistic concurrency)', async () => {
    const store = await demoStore();
    const other = new CheckService(store, { now: clock, user: 'bob' });
    let interfered = false;
    // A store that lets another salesperson confirm just before this record lands, once.
    const racing: Store = Object.create(store, {
      recordPromise: {
        value: async (...args: Parameters<Store['recordPromise']>) => {
          if (!interfered) {
            interfered = true;
            expect((await confirmAs(other, req(6), TODAY)).ok).toBe(true);
          }
          return store.recordPromise(...args);
        },
      },
    });
    const service = new CheckService(racing, { now: clock, user: 'ana' });
    const alone = await service.check(req(4), TODAY);
    const r = await confirmAs(service, req(4), TODAY);
    expect(r).toMatchObject({ ok: true, id: 'P-000002' });
    // The recorded check is the second one, which saw bob's promise.
    if (r.ok && alone.ok) expect(available(r.result!)).toBe(available(alone.result)! - 6);
    const holds = await store.loadOpenHolds();
    expect(holds.length).toBeGreaterThan(0);
    await store.close();
  });

  it('releases a hold that expired before checking', async () => {
    const store = await demoStore();
    const service = new CheckService(store, { now: clock });
    const c = await service.check(req(5), TODAY);
    if (!c.ok) throw new Error('check failed');
    await store.recordPromise({ status: 'awaiting_approval', request: c.request, result: c.result, holds: c.holds, user: 's', holdExpiresAt: '2026-03-02T08:00:00.000Z' }, c.holdsVersion);
    const after = await service.check(req(5), TODAY);
    if (!after.ok) throw new Error('check failed');
    expect(available(after.result)).toBe(available(c.result));
    expect((await store.getPromise('P-000001'))?.status).toBe('expired');
    await store.close();
  });
});

describe('CheckService follows the hold log', () => {
  it('keeps one model across confirms, cancels and another process, equal to one built afresh', async () => {
    const path = tempDbPath(dir);
    const store = SqliteStore.open(path);
    await store.importWorkbook(demoWorkbook(TODAY), { source: 'demo', sha256: '0123456789abcdef', user: 't' }, revalidator(TODAY));
    const service = new CheckService(store, { now: clock });
    const first = (await service.model(TODAY))!.model;
    const a = await confirmAs(service, req(3), TODAY);
    expect(a.ok).toBe(true);
    // Another process confirms and cancels through its own connection.
    const other = new CheckService(SqliteStore.open(path), { now: clock });
    const b = await confirmAs(other, req(2), TODAY);
    expect(b.ok).toBe(true);
    const c = await confirmAs(other, req(1), TODAY);
    if (!c.ok) throw new Error('confirm refused');
    await other.store.transition(c.id, 'confirmed', 'cancelled', 't', null, { kind: 'release' });
    const followed = await service.check(req(1), TODAY);
    expect((await service.model(TODAY))!.model).toBe(first); // never rebuilt
    const afresh = await new CheckService(SqliteStore.open(path), { now: clock }).check(req(1), TODAY);
    expect(followed).toEqual(afresh);
    expect(available(followed.ok ? followed.result : (null as never))).toBe(available(afresh.ok ? afresh.result : (null as never)));
    await store.close();
  });
});
