import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../main/db/migrate';
import { promiseRows } from '../../support/raw-rows';

/** A stored result with what replanning reads of it: reasons per line, plans with their dispatch dates. */
function result(lines: { chosen: string | null; reasons: string[]; plans: [string, string | null][] }[]): string {
  return JSON.stringify({
    lines: lines.map((l) => ({ chosen_plan: l.chosen, reasons: l.reasons.map((code) => ({ code, message: code })), plans: l.plans.map(([kind, d]) => ({ kind, dispatch_date: d })) })),
  });
}

const facts = (db: Database.Database, id: string) =>
  db.prepare('SELECT codes_json, dates_json FROM promise_replan WHERE promise_id = ?').get(id) as { codes_json: string; dates_json: string } | undefined;

describe('migration 0007 replan facts', () => {
  it('takes each stored result\'s reason codes and held dispatch dates out once, and triggers keep them in step', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 6);
    const insert = promiseRows(db);
    // Before the migration: a line on its express plan that needed approval, and a line held on its regular plan.
    insert({ id: 'P-1', orderSeq: 1, result: result([
      { chosen: 'express', reasons: ['express_needed', 'margin_below_floor', 'express_needed'], plans: [['regular', '2026-03-09'], ['express', '2026-03-05']] },
      { chosen: null, reasons: [], plans: [['regular', '2026-03-12'], ['overtime', '2026-03-11']] },
    ]) });
    expect(migrate(db, MIGRATIONS, 7)).toEqual([7]);
    expect(JSON.parse(facts(db, 'P-1')!.codes_json).sort()).toEqual(['express_needed', 'margin_below_floor']);
    expect(JSON.parse(facts(db, 'P-1')!.dates_json)).toEqual(['2026-03-05', '2026-03-12']);

    // After it: a new promise gets its facts on insert; a plan without a date is left out.
    insert({ id: 'P-2', orderSeq: 2, result: result([{ chosen: null, reasons: ['stock_short'], plans: [['regular', null]] }]) });
    expect(facts(db, 'P-2')).toEqual({ codes_json: '["stock_short"]', dates_json: '[]' });

    // A new result (approval with a fresh check) replaces them; other columns leave them alone.
    db.prepare('UPDATE promises SET result_json = ? WHERE id = ?').run(result([{ chosen: 'regular', reasons: [], plans: [['regular', '2026-04-01']] }]), 'P-2');
    expect(facts(db, 'P-2')).toEqual({ codes_json: '[]', dates_json: '["2026-04-01"]' });
    db.prepare(`UPDATE promises SET at_risk = 1 WHERE id = 'P-2'`).run();
    expect(facts(db, 'P-2')).toEqual({ codes_json: '[]', dates_json: '["2026-04-01"]' });

    db.prepare(`DELETE FROM promises WHERE id = 'P-1'`).run();
    expect(facts(db, 'P-1')).toBeUndefined();
    db.close();
  });
});
