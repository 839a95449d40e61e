/**
 * Replanning without a copy of the stored holds (issue #15, speed): a store reads the holds of the
 * promises that wait to be fulfilled only, and finds the promises whose new holds differ from the
 * stored rows by comparing row by row. Both held against the plain way: every promise's holds read
 * back (`holdsOf`) and compared with `sameHolds`.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { promisesWithOtherHolds, readHolds } from '../../main/db/hold-scan';
import { migrate } from '../../main/db/migrate';
import { applyRevalidation, holdsOf, replaceHolds, sameHolds } from '../../main/db/revalidation-rows';
import type { Hold, RevalidationOutcome } from '../../shared/engine/types';
import { promiseRows } from '../support/raw-rows';

const IDS = ['P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6'];

// Small alphabets, so that two holds are often alike and a list often equals another.
const goods = fc.record({
  type: fc.constant('goods' as const),
  line: fc.nat(2),
  sku: fc.constantFrom('FG', 'C1'),
  date: fc.constantFrom('2026-03-02', '2026-03-03'),
  qty: fc.nat(3),
  use: fc.constantFrom('finished' as const, 'component' as const),
});
const hours = fc.record({
  type: fc.constant('hours' as const),
  line: fc.nat(2),
  resource_id: fc.constantFrom('M8', 'ASSY'),
  date: fc.constantFrom('2026-03-02', '2026-03-03'),
  regular_e4: fc.nat(3),
  overtime_e4: fc.nat(2),
});
const holds = fc.array(fc.oneof(goods, hours), { maxLength: 4 }) as fc.Arbitrary<Hold[]>;

/** A new list made from a stored one: the same, one hold changed, one more or less, turned round, or another. */
function changedFrom(stored: Hold[]): fc.Arbitrary<Hold[]> {
  return fc.oneof(
    fc.constant(stored.map((h) => ({ ...h }))),
    fc.tuple(fc.nat(), fc.oneof(goods, hours)).map(([i, h]) => (stored.length ? stored.map((x, k) => (k === i % stored.length ? h : x)) : [h])),
    fc.oneof(goods, hours).map((h) => [...stored, h]),
    fc.constant(stored.slice(1)),
    fc.constant([...stored].reverse()),
    holds,
  );
}

const world = fc
  .record({ stored: fc.array(holds, { minLength: IDS.length, maxLength: IDS.length }), replanned: fc.subarray(IDS, { minLength: 1 }) })
  .chain(({ stored, replanned }) =>
    fc.record({
      stored: fc.constant(stored),
      outcomes: fc.tuple(...replanned.map((id) => changedFrom(stored[IDS.indexOf(id)]!).map((h) => ({ id, holds: h })))),
    }),
  );

function storeOf(stored: Hold[][]): Database.Database {
  const db = new Database(':memory:');
  migrate(db);
  const insert = promiseRows(db);
  IDS.forEach((id, i) => insert({ id, orderSeq: i + 1 }));
  // Written interleaved, as promises confirmed one after another and replanned since would be.
  IDS.forEach((id, i) => replaceHolds(db, id, stored[i]!.slice(0, 2)));
  IDS.forEach((id, i) => stored[i]!.length > 2 && replaceHolds(db, id, stored[i]!));
  return db;
}

const outcome = (o: { id: string; holds: Hold[] }): RevalidationOutcome => ({ id: o.id, rechecked: true, result: null, holds: o.holds, atRisk: false, reasons: [] });

describe('stored holds compared and read for a replan', () => {
  it('names exactly the promises whose new holds are not their stored ones, and a replan rewrites only those', () => {
    fc.assert(
      fc.property(world, ({ stored, outcomes }) => {
        const db = storeOf(stored);
        const expected = outcomes.filter((o) => !sameHolds(holdsOf(db, o.id), o.holds)).map((o) => o.id);
        expect([...promisesWithOtherHolds(db, outcomes)].sort()).toEqual(expected.sort());

        const rowids = (id: string) => db.prepare('SELECT rowid FROM promise_holds WHERE promise_id = ? ORDER BY rowid').pluck().all(id);
        const before = new Map(IDS.map((id) => [id, rowids(id)]));
        applyRevalidation(db, IDS.map((id) => ({ id, request: null as never, covered: [], holds: [], dispatchDates: [] })), outcomes.map(outcome));
        for (const o of outcomes) expect(holdsOf(db, o.id)).toEqual(o.holds);
        // The others' rows were not written again (nor those of promises not replanned).
        for (const id of IDS) if (!expected.includes(id)) expect(rowids(id)).toEqual(before.get(id));
        db.close();
      }),
      { numRuns: 400 },
    );
  });

  it('reads the holds of some promises the same whether looked up one by one or in one scan', () => {
    fc.assert(
      fc.property(fc.array(holds, { minLength: IDS.length, maxLength: IDS.length }), fc.subarray(IDS), (stored, some) => {
        const db = storeOf(stored);
        const lists = () => new Map(some.map((id) => [id, [] as Hold[]]));
        const scanned = lists();
        const looked = lists();
        readHolds(db, scanned, some.length); // many of those read: one scan
        readHolds(db, looked, 1000); // a few of many: one by one
        for (const id of some) {
          expect(scanned.get(id)).toEqual(holdsOf(db, id));
          expect(looked.get(id)).toEqual(holdsOf(db, id));
        }
        db.close();
      }),
      { numRuns: 200 },
    );
  });
});
