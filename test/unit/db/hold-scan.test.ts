import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openHoldsList, packedOpenHolds, promisesWithOtherHolds, scanHolds } from '../../../main/db/hold-scan';
import type { Hold } from '../../../shared/engine/types';
import { MIGRATIONS, migrate } from '../../../main/db/migrate';
import { promiseRows } from '../../support/raw-rows';
import { pushHoldColumns } from '../../../main/db/promise-rows';
import { packHolds } from '../../../shared/engine/packed-holds';
import { packedRows } from '../../support/packed-rows';

describe('the scans of the hold rows, in batches', () => {
  it('give every row once, in the order written, across batch edges and gaps in the rowids', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    const promise = promiseRows(db);
    const hold = db.prepare("INSERT INTO promise_holds (promise_id, line, type, sku, date, qty, use) VALUES (?, 0, 'goods', 'FG', '2026-03-04', ?, 'finished')");
    // 4,096 rows a batch: two full batches and some, a batch that ends exactly at a promise
    // cancelled in between (its rows leave a gap in the rowids), and one more promise after it.
    db.transaction(() => {
      for (let p = 0; p < 5; p++) {
        promise({ id: `P-${p}`, orderSeq: p });
        for (let q = 1; q <= 2_500; q++) hold.run(`P-${p}`, p * 10_000 + q);
      }
    })();
    db.prepare("UPDATE promises SET status = 'cancelled' WHERE id = 'P-2'").run();
    const expected = db.prepare('SELECT qty FROM promise_holds ORDER BY rowid').pluck().all() as number[];
    expect(expected).toHaveLength(10_000);

    const read = (): number[] =>
      db.transaction(() => {
        const { goods, hours } = packedOpenHolds(db);
        expect(hours.n).toBe(0);
        return Array.from(goods.a.subarray(0, goods.n));
      })();
    expect(read()).toEqual(expected);
    expect(openHoldsList(db).map((h) => (h.type === 'goods' ? h.qty : -1))).toEqual(expected);

    // The scans with the promise: each promise's rows, those of P-1 across the first batch edge.
    const byPromise = new Map(['P-0', 'P-1', 'P-3', 'P-4'].map((id) => [id, [] as Hold[]]));
    scanHolds(db, (id) => byPromise.get(id));
    expect([...byPromise.values()].flat().map((h) => (h.type === 'goods' ? h.qty : -1))).toEqual(expected);
    const outcomes = [...byPromise].map(([id, holds]) => ({ id, holds }));
    expect(promisesWithOtherHolds(db, outcomes)).toEqual(new Set());
    const p1 = byPromise.get('P-1')!;
    const changed = p1.map((h, k) => (k === 2_000 && h.type === 'goods' ? { ...h, qty: h.qty + 1 } : h));
    expect(promisesWithOtherHolds(db, outcomes.map((o) => (o.id === 'P-1' ? { id: o.id, holds: changed } : o)))).toEqual(new Set(['P-1']));
    expect(promisesWithOtherHolds(db, outcomes.map((o) => (o.id === 'P-4' ? { id: o.id, holds: o.holds.slice(1) } : o)))).toEqual(new Set(['P-4']));

    // Exactly a whole number of batches: the last batch read is full, and the next one empty.
    db.prepare('DELETE FROM promise_holds WHERE rowid > (SELECT rowid FROM promise_holds ORDER BY rowid LIMIT 1 OFFSET 8191)').run();
    expect(read()).toEqual(expected.slice(0, 8_192));

    // Outside a transaction its batches would not be one snapshot: refused.
    expect(() => packedOpenHolds(db)).toThrow(/outside a transaction/);
    db.close();
  });
});

describe('the holds packed for a model', () => {
  const goods = fc.record({
    type: fc.constant('goods' as const),
    line: fc.nat(3),
    sku: fc.constantFrom('FG', 'C1', 'C2'),
    date: fc.constantFrom('2026-03-02', '2026-03-03', '2026-02-27'),
    qty: fc.nat(1_000),
    use: fc.constantFrom('finished' as const, 'component' as const),
  });
  const hours = fc.record({
    type: fc.constant('hours' as const),
    line: fc.nat(3),
    resource_id: fc.constantFrom('M8', 'ASSY'),
    date: fc.constantFrom('2026-03-02', '2026-03-04'),
    regular_e4: fc.nat(100_000),
    overtime_e4: fc.nat(20_000),
  });

  function database(): Database.Database {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    promiseRows(db)({ id: 'P-1', orderSeq: 1 });
    return db;
  }
  const insertSql = "INSERT INTO promise_holds (promise_id, line, type, sku, resource_id, date, qty, use, regular_e4, overtime_e4) VALUES ('P-1', ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  it('read from the columns a model takes are the holds read whole, packed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(goods, hours), { maxLength: 60 }), (holds: Hold[]) => {
        const db = database();
        const insert = db.prepare(insertSql);
        for (const h of holds) {
          const values: unknown[] = [];
          pushHoldColumns(values, h);
          insert.run(values);
        }
        const packed = db.transaction(() => packedOpenHolds(db))();
        expect(packedRows(packed)).toEqual(packedRows(packHolds(openHoldsList(db))));
        expect(packed.goods.n + packed.hours.n).toBe(holds.length);
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('refuse a row that is no hold, saying what is wrong with it', () => {
    for (const [row, what] of [
      [[0, 'parts', 'FG', null, '2026-03-02', 1, 'finished', null, null], /Expected 'goods' \| 'hours'/],
      [[0, 'goods', null, null, '2026-03-02', 1, 'finished', null, null], /"sku"[\s\S]*expected string/],
      [[0, 'hours', null, 'M8', '2026-03-02', null, null, 5, null], /"overtime_e4"[\s\S]*expected number/],
      [[0, 'goods', 'FG', null, '2 March', 1, 'finished', null, null], /"date"[\s\S]*must match pattern/],
    ] as const) {
      const db = database();
      // A database written by something else: its constraints are not to be relied on.
      db.pragma('ignore_check_constraints = ON');
      db.prepare(insertSql).run(...row);
      expect(() => db.transaction(() => packedOpenHolds(db))()).toThrow(what);
      db.close();
    }
  });
});

