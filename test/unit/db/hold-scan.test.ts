import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openHoldsAsRead, openHoldsList } from '../../../main/db/hold-scan';
import { MIGRATIONS, migrate } from '../../../main/db/migrate';

describe('reading the open holds in batches', () => {
  it('gives every row once, in the order written, across batch edges and gaps in the rowids', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    const promise = db.prepare(
      `INSERT INTO promises (id, status, customer, region, mode, request_json, result_json, as_of, data_version, created_at, created_by, order_seq)
       VALUES (?, 'confirmed', 'Acme', 'EU', 'standard', '{}', '{"lines":[]}', '2026-03-02', 'v1', 'x', 'a', ?)`,
    );
    const hold = db.prepare("INSERT INTO promise_holds (promise_id, line, type, sku, date, qty, use) VALUES (?, 0, 'goods', 'FG', '2026-03-04', ?, 'finished')");
    // 4,096 rows a batch: two full batches and some, a batch that ends exactly at a promise
    // cancelled in between (its rows leave a gap in the rowids), and one more promise after it.
    db.transaction(() => {
      for (let p = 0; p < 5; p++) {
        promise.run(`P-${p}`, p);
        for (let q = 1; q <= 2_500; q++) hold.run(`P-${p}`, p * 10_000 + q);
      }
    })();
    db.prepare("UPDATE promises SET status = 'cancelled' WHERE id = 'P-2'").run();
    const expected = db.prepare('SELECT qty FROM promise_holds ORDER BY rowid').pluck().all() as number[];
    expect(expected).toHaveLength(10_000);

    const read = (): number[] => db.transaction(() => [...openHoldsAsRead(db)].map((h) => (h.type === 'goods' ? h.qty : -1)))();
    expect(read()).toEqual(expected);
    expect(openHoldsList(db).map((h) => (h.type === 'goods' ? h.qty : -1))).toEqual(expected);

    // Exactly a whole number of batches: the last batch read is full, and the next one empty.
    db.prepare('DELETE FROM promise_holds WHERE rowid > (SELECT rowid FROM promise_holds ORDER BY rowid LIMIT 1 OFFSET 8191)').run();
    expect(read()).toEqual(expected.slice(0, 8_192));

    // Outside a transaction its batches would not be one snapshot: refused.
    expect(() => [...openHoldsAsRead(db)]).toThrow(/outside a transaction/);
    db.close();
  });
});
