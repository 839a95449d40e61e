/**
 * The Promises list's search gives the same answers on both stores: status, at risk, product,
 * created and delivery dates, part of the customer's name in any case (Unicode), limit and total.
 */
import { describe, expect, it } from 'vitest';
import type { PostgresStore } from '../../main/db/postgres/pg-store';
import { searchPromises } from '../../main/db/promise-search';
import type { SqliteStore } from '../../main/db/sqlite-store';
import type { Revalidate } from '../../main/db/store';
import { demoWorkbook } from '../../main/demo/demo-workbook';
import { CheckService } from '../../main/services/check-service';
import { hasPostgres } from '../support/postgres';
import { openStoreUnderTest, type StoreUnderTest } from '../support/stores';

const TODAY = '2026-03-02';
const none: Revalidate = () => [];

async function fill(t: StoreUnderTest): Promise<void> {
  await t.store.importWorkbook(demoWorkbook(TODAY), { source: 'demo', sha256: 'ab'.repeat(32), user: 'ana', at: '2026-03-02T08:00:00.000Z' }, none);
  const checks = new CheckService(t.store, { now: () => new Date('2026-03-02T09:00:00Z') });
  const rows: [string, string, string, 'confirmed' | 'draft', string][] = [
    ['Stadtwerke Ulm', 'CP-32', '2026-03-25', 'confirmed', '2026-03-02T09:00:00.000Z'],
    ['Budimex S.A.', 'DP-25', '2026-04-10', 'confirmed', '2026-03-03T09:00:00.000Z'],
    ['Ärzte Zentrum Köln', 'CP-32', '2026-05-04', 'draft', '2026-03-04T09:00:00.000Z'],
    ['budimex polska', 'CP-32', '2026-03-30', 'confirmed', '2026-03-05T23:30:00.000Z'],
  ];
  for (const [customer, sku, date, status, at] of rows) {
    const c = await checks.check({ customer, region: 'DE', lines: [{ sku, qty: 2, requested_date: date, unit_price: '900' }] }, TODAY);
    if (!c.ok) throw new Error('check failed');
    const r = await t.store.recordPromise({ status, request: c.request, result: c.result, holds: status === 'draft' ? [] : c.holds, user: 'ana', at }, c.holdsVersion);
    if (!r.ok) throw new Error('record failed');
  }
  await t.setAtRisk('P-000002', [{ code: 'capacity_short', message: 'full' }]);
}

describe.skipIf(!hasPostgres())('promise search on both stores', () => {
  it('gives the same promises and totals for the same questions', async () => {
    const sqlite = await openStoreUnderTest('sqlite');
    const pg = await openStoreUnderTest('postgres');
    try {
      await fill(sqlite);
      await fill(pg);
      const questions = [
        {},
        { status: ['confirmed' as const] },
        { atRisk: true },
        { product: 'CP-32' },
        { customer: 'BUDIMEX' },
        { customer: 'ärzte' },
        { from: '2026-03-03', to: '2026-03-05' },
        { from: '2026-03-28', to: '2026-04-30', dates: 'delivery' as const },
        { product: 'CP-32', limit: 1 },
      ];
      for (const q of questions) {
        const a = searchPromises((sqlite.store as SqliteStore).db, q);
        const b = await (pg.store as PostgresStore).searchPromises(q);
        expect(b.total, JSON.stringify(q)).toBe(a.total);
        expect(b.promises, JSON.stringify(q)).toEqual(a.promises);
      }
      expect((await (pg.store as PostgresStore).searchPromises({ customer: 'budimex' })).promises.map((p) => p.id)).toEqual(['P-000004', 'P-000002']);
    } finally {
      await sqlite.close();
      await pg.close();
    }
  }, 60_000);
});
