/**
 * A confirm under a capacity lock in PostgreSQL sends its locks and reads with BEGIN and its
 * writes with COMMIT. What it reads must still be the changes after the version it asked about,
 * even when this process's model moved on meanwhile (its follower applied other confirms), and a
 * pool the plant has no row for yet is made, locked, and read again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapacityLock, HoldsUpdate } from '../../main/db/capacity-lock';
import type { PostgresStore } from '../../main/db/postgres/pg-store';
import { demoWorkbook } from '../../main/demo/demo-workbook';
import { CheckService } from '../../main/services/check-service';
import { poolOfHold } from '../../shared/engine';
import { hasPostgres } from '../support/postgres';
import { missing } from '../support/requires';
import { openStoreUnderTest, type StoreUnderTest } from '../support/stores';

const TODAY = '2026-03-02';
const meta = { source: 'demo', sha256: 'ab'.repeat(32), user: 'ana', at: '2026-03-02T08:00:00.000Z' };
const request = (qty: number, date: string) => ({ customer: 'Stadtwerke Ulm', region: 'DE', lines: [{ sku: 'CP-32', qty, requested_date: date, unit_price: '850' }] });

describe.skipIf(missing('PostgreSQL', hasPostgres()))('recording a promise in two round trips', () => {
  let t: StoreUnderTest;
  let store: PostgresStore;
  beforeEach(async () => {
    t = await openStoreUnderTest('postgres');
    store = t.store as PostgresStore;
    await store.importWorkbook(demoWorkbook(TODAY), meta, () => []);
  });
  afterEach(() => t.close());

  async function checked(qty: number, date = '2026-03-25') {
    const c = await new CheckService(store, { now: () => new Date('2026-03-02T09:00:00Z') }).check(request(qty, date), TODAY);
    if (!c.ok) throw new Error(JSON.stringify(c));
    return c;
  }

  /** A lock whose model is at version `first` when the opening is made and at `later` from then on. */
  function lockOf(c: Awaited<ReturnType<typeof checked>>, dataVersion: string, first: number, later: number, updates: HoldsUpdate[]): CapacityLock {
    let asked = 0;
    return {
      pools: [...new Set(c.holds.map(poolOfHold))].sort(),
      dataVersion,
      get since() {
        return asked++ === 0 ? first : later;
      },
      decide(update) {
        updates.push(update);
        return { result: c.result, holds: [...c.holds] };
      },
    };
  }

  it('reads the changes after the version the opening asked for, though the model moved on', async () => {
    for (const date of ['2026-03-20', '2026-03-27']) {
      const c = await checked(1, date);
      expect(await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, c.holdsVersion)).toMatchObject({ ok: true });
    }
    const c = await checked(2);
    const updates: HoldsUpdate[] = [];
    // The import was version 1; the two confirms 2 and 3.
    const r = await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, lockOf(c, (await store.dataVersion())!, 1, 3, updates));
    expect(r).toEqual({ ok: true, id: 'P-000003', holdsVersion: 4 });
    expect(updates).toHaveLength(1);
    // The two changes since version 1, not every open hold (a rebuild under the lock).
    expect(updates[0]!.holds).toBeUndefined();
    expect(updates[0]!.changes!.map((x) => x.version)).toEqual([2, 3]);
    expect(await store.getPromise('P-000003')).toMatchObject({ status: 'confirmed' });
  });

  it('makes the row of a pool the plant does not have yet, locks it and reads again', async () => {
    const c = await checked(3);
    const pools = [...new Set(c.holds.map(poolOfHold))];
    const [kind, id] = [pools[0]!.slice(0, pools[0]!.indexOf(':')), pools[0]!.slice(pools[0]!.indexOf(':') + 1)];
    await store.pool.query('DELETE FROM capacity_pools WHERE kind = $1 AND pool_id = $2', [kind, id]);
    const updates: HoldsUpdate[] = [];
    const r = await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, lockOf(c, (await store.dataVersion())!, 1, 1, updates));
    expect(r).toMatchObject({ ok: true, id: 'P-000001', holdsVersion: 2 });
    expect((await store.pool.query('SELECT 1 FROM capacity_pools WHERE kind = $1 AND pool_id = $2', [kind, id])).rowCount).toBe(1);
    expect(updates[0]).toMatchObject({ version: 1, changes: [] });
  });

  it('writes nothing but a used-up number when the check inside the lock refuses', async () => {
    const c = await checked(3);
    const lock: CapacityLock = { ...lockOf(c, (await store.dataVersion())!, 1, 1, []), since: 1, decide: () => null };
    expect(await store.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'ana' }, lock)).toEqual({ ok: false, conflict: 'refused', holdsVersion: 1 });
    expect(await store.listPromises()).toEqual([]);
    const next = await checked(3);
    expect(await store.recordPromise({ status: 'confirmed', request: next.request, result: next.result, holds: next.holds, user: 'ana' }, next.holdsVersion)).toMatchObject({ ok: true, id: 'P-000002' });
  });
});
