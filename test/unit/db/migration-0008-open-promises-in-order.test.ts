import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../main/db/migrate';
import { OPEN_PROMISES_SQL, openPromisesForRevalidation } from '../../../main/db/revalidation-rows';
import { promiseRows } from '../../support/raw-rows';

const REQUEST = JSON.stringify({ customer: 'Acme', region: 'EU', mode: 'standard', lines: [{ sku: 'FG', qty: 1, requested_date: '2026-03-09', unit_price: '10' }] });

describe('migration 0008 open promises in order', () => {
  it('gives replanning its open promises from one index, in confirm order, with no sort and whatever their status did', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 7);
    const insert = promiseRows(db);
    // Ids out of confirm order, a draft (no order yet) and a cancelled promise among them.
    insert({ id: 'P-9', customer: 'Nine', request: REQUEST, orderSeq: 1 });
    insert({ id: 'P-1', status: 'awaiting_approval', customer: 'One', request: REQUEST, orderSeq: 3 });
    insert({ id: 'P-5', status: 'cancelled', customer: 'Five', request: REQUEST, orderSeq: 2 });
    insert({ id: 'P-7', status: 'draft', customer: 'Seven', request: REQUEST });
    expect(migrate(db, MIGRATIONS, 8)).toEqual([8]);

    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${OPEN_PROMISES_SQL}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContain('SCAN p USING INDEX promises_open_in_order');
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(openPromisesForRevalidation(db).map((p) => [p.id, p.customer])).toEqual([['P-9', 'Nine'], ['P-1', 'One']]);

    // The index follows every write: a draft confirmed, a promise fulfilled, a flag and a customer changed.
    db.prepare("UPDATE promises SET status = 'confirmed', order_seq = 4 WHERE id = 'P-7'").run();
    db.prepare("UPDATE promises SET status = 'fulfilled' WHERE id = 'P-9'").run();
    db.prepare(`UPDATE promises SET at_risk = 1, risk_reasons_json = '[{"code":"stock_short","message":"short"}]', customer = 'Uno' WHERE id = 'P-1'`).run();
    const open = openPromisesForRevalidation(db);
    expect(open.map((p) => [p.id, p.customer, p.atRisk])).toEqual([['P-1', 'Uno', true], ['P-7', 'Seven', false]]);
    expect(open[0]!.riskReasons).toEqual([{ code: 'stock_short', message: 'short' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
