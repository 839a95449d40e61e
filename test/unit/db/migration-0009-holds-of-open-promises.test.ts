import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../main/db/migrate';
import { promiseRows } from '../../support/raw-rows';

const holdRow = (id: string, qty = 1) => [id, 0, 'goods', 'FG', null, '2026-03-04', qty, 'finished', null, null];

describe('migration 0009 holds of open promises', () => {
  it('deletes holds left behind by promises no longer open, and from then on keeps holds to open promises', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 8);
    const promise = promiseRows(db);
    const hold = db.prepare('INSERT INTO promise_holds (promise_id, line, type, sku, resource_id, date, qty, use, regular_e4, overtime_e4) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const holdsOf = (id: string) => db.prepare('SELECT qty FROM promise_holds WHERE promise_id = ? ORDER BY rowid').pluck().all(id);
    promise({ id: 'P-1', orderSeq: 1 });
    promise({ id: 'P-2', status: 'awaiting_approval', orderSeq: 2 });
    promise({ id: 'P-3', orderSeq: 3 });
    for (const id of ['P-1', 'P-2', 'P-3']) hold.run(...holdRow(id));
    // Before the migration a hand-written change could leave a cancelled promise's rows behind.
    db.prepare("UPDATE promises SET status = 'cancelled' WHERE id = 'P-3'").run();
    expect(holdsOf('P-3')).toEqual([1]);

    expect(migrate(db, MIGRATIONS, 9)).toEqual([9]);
    expect(holdsOf('P-3')).toEqual([]);
    expect(holdsOf('P-1')).toEqual([1]);

    // Moving between open statuses keeps them; leaving the open statuses, however written, gives them back.
    db.prepare("UPDATE promises SET status = 'confirmed' WHERE id = 'P-2'").run();
    expect(holdsOf('P-2')).toEqual([1]);
    db.prepare("UPDATE promises SET status = 'fulfilled' WHERE id = 'P-1'").run();
    expect(holdsOf('P-1')).toEqual([]);
    // Other columns leave them alone.
    db.prepare("UPDATE promises SET at_risk = 1, customer = 'Other' WHERE id = 'P-2'").run();
    expect(holdsOf('P-2')).toEqual([1]);

    // A hold for a promise that is not open (or not there) is refused, and nothing is written.
    promise({ id: 'P-4', status: 'draft' });
    expect(() => hold.run(...holdRow('P-4'))).toThrow(/a hold belongs to a confirmed promise or one awaiting approval/);
    expect(() => hold.run(...holdRow('P-1'))).toThrow(/a hold belongs to/);
    expect(() => hold.run(...holdRow('P-9'))).toThrow(/a hold belongs to/);
    hold.run(...holdRow('P-2', 7));
    expect(holdsOf('P-2')).toEqual([1, 7]);
    expect(db.prepare('SELECT count(*) FROM promise_holds').pluck().get()).toBe(2);
    db.close();
  });
});
