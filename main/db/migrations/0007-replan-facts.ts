import type { Database } from 'better-sqlite3';

/**
 * What replanning needs of each promise's stored check result, kept beside it: the reason codes
 * it was confirmed or submitted with, and the dispatch date of each line's held plan (its chosen
 * plan, or its regular plan). Reading them out of every whole result at each replan took over a
 * second for 20,000 promises (issue #15, speed); triggers keep them in step with `result_json` on
 * every write, so no writer has to remember them.
 */
export const version = 7;
export const name = 'replan-facts';

/** The two facts of one result (`result` is an SQL expression holding the result's JSON text). */
export const codesOf = (result: string) =>
  `(SELECT json_group_array(DISTINCT r.value ->> '$.code') FROM json_each(${result}, '$.lines') l, json_each(l.value, '$.reasons') r)`;
export const datesOf = (result: string) =>
  `(SELECT json_group_array(pl.value ->> '$.dispatch_date') FROM json_each(${result}, '$.lines') l, json_each(l.value, '$.plans') pl
     WHERE pl.value ->> '$.kind' = coalesce(l.value ->> '$.chosen_plan', 'regular') AND pl.value ->> '$.dispatch_date' IS NOT NULL)`;

export function up(db: Database): void {
  const keep = `INSERT OR REPLACE INTO promise_replan (promise_id, codes_json, dates_json) VALUES (NEW.id, ${codesOf('NEW.result_json')}, ${datesOf('NEW.result_json')});`;
  db.exec(`
    CREATE TABLE promise_replan (
      promise_id TEXT PRIMARY KEY REFERENCES promises (id) ON DELETE CASCADE,
      codes_json TEXT NOT NULL,
      dates_json TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER promise_replan_on_insert AFTER INSERT ON promises BEGIN ${keep} END;
    CREATE TRIGGER promise_replan_on_result AFTER UPDATE OF result_json ON promises BEGIN ${keep} END;
    INSERT INTO promise_replan (promise_id, codes_json, dates_json)
      SELECT p.id, ${codesOf('p.result_json')}, ${datesOf('p.result_json')} FROM promises p;
  `);
}
