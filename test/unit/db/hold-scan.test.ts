import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openHoldsList, packedOpenHolds, promisesWithOtherHolds, scanHolds } from '../../../main/db/hold-scan';
import type { Hold } from '../../../shared/engine/types';
import { MIGRATIONS, migrate } from '../../../main/db/migrate';
import { promiseRows } from '../../support/raw-rows';

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
