/**
 * The store's side of revalidation, for changes of the tables made outside `SqliteStore`
 * (saves of edits, imports that record history): read the open promises in the order they were
 * confirmed or submitted, and write back what the engine worked out (holds, at-risk flag and
 * reasons). The caller holds the transaction. Same SQL and rules as `SqliteStore.importWorkbook`;
 * kept here so that both paths replan promises the same way.
 */
import type { Database } from 'better-sqlite3';
import { bumpHoldsVersion } from './hold-log';
import { waitsToBeFulfilled } from '../../shared/engine/revalidate';
import { REASON_CODES } from '../../shared/schemas/check';
import { DAY_PATTERN, dateStr } from '../../shared/schemas/fields';
import { isApprovable } from '../../shared/rules/reason-groups';
import type { Hold, PromiseToRevalidate, RevalidationOutcome } from '../../shared/engine/types';
import type { OpenPromise } from './operations-store';
import { z } from 'zod';
import { HOLD_COLUMNS, holdFromSql, parseJsonList, pushHoldColumns, parseStoredRequest, parseStoredReasons, type HoldSqlRow } from './promise-rows';
import { OPEN_STATUSES_SQL } from './store-types';
import { prepared } from './statements';
import { promisesWithOtherHolds, readHolds } from './hold-scan';
import { codesOf, datesOf } from './migrations/0007-replan-facts';


/**
 * What revalidation needs of each stored result: the reason codes it was confirmed or submitted
 * with, and the dispatch date of each line's held plan. Migration 0007's triggers keep them in
 * `promise_replan` beside the result (parsing 20,000 whole results took most of a replan's reading);
 * a row without them (none is expected) has them taken from its result here. A PostgreSQL store
 * does the same with jsonb_array_elements.
 */
export const OPEN_PROMISES_SQL = `
  SELECT p.id, p.customer, p.at_risk, p.risk_reasons_json, p.request_json,
    coalesce(f.codes_json, ${codesOf('p.result_json')}) AS codes_json,
    coalesce(f.dates_json, ${datesOf('p.result_json')}) AS dates_json
  FROM promises p INDEXED BY promises_open_in_order LEFT JOIN promise_replan f ON f.promise_id = p.id
  WHERE p.status IN (${OPEN_STATUSES_SQL}) ORDER BY p.order_seq, p.id`;

const storedCodes = z.array(z.enum(REASON_CODES));
const storedDates = z.array(dateStr);
const CODES = new Set<string>(REASON_CODES);
const isReasonCode = (s: string) => CODES.has(s);
const isDateStr = (s: string) => DAY_PATTERN.test(s);

/**
 * Open promises in confirm order, as revalidation reads them, with who they are for and their
 * risk now. With `asOf` (the day of the replan) only the promises that wait to be fulfilled then
 * get their holds, the only ones a replan reads; the others' are left empty (`applyRevalidation`
 * compares new holds with the stored rows, not with these).
 */
export function openPromisesForRevalidation(db: Database, asOf?: string): OpenPromise[] {
  const open: OpenPromise[] = [];
  const held = new Map<string, Hold[]>();
  for (const r of prepared(db, OPEN_PROMISES_SQL).iterate() as IterableIterator<OpenRow>) {
    // What it was submitted (and so approved) with counts as covered; an `ok` confirm has none.
    const covered = parseJsonList(`the check result of ${r.id}`, r.codes_json, isReasonCode, storedCodes).filter(isApprovable);
    const dispatchDates = parseJsonList(`the check result of ${r.id}`, r.dates_json, isDateStr, storedDates);
    const holds: Hold[] = [];
    if (asOf === undefined || waitsToBeFulfilled(dispatchDates, asOf)) held.set(r.id, holds);
    open.push({
      id: r.id,
      request: parseStoredRequest(r.id, r.request_json),
      covered,
      holds,
      dispatchDates,
      customer: r.customer,
      atRisk: r.at_risk === 1,
      riskReasons: r.at_risk === 1 ? parseStoredReasons(r.id, r.risk_reasons_json) : [],
    });
  }
  readHolds(db, held, open.length);
  return open;
}

interface OpenRow {
  id: string;
  customer: string;
  at_risk: number;
  risk_reasons_json: string;
  request_json: string;
  codes_json: string;
  dates_json: string;
}

export { sameHolds } from '../../shared/engine/same-holds';

/** The holds a promise has now. */
export function holdsOf(db: Database, id: string): Hold[] {
  return (db.prepare('SELECT * FROM promise_holds WHERE promise_id = ? ORDER BY rowid').all(id) as HoldSqlRow[]).map(holdFromSql);
}

export function replaceHolds(db: Database, id: string, holds: readonly Hold[]): void {
  holdsWriter(db)(id, holds);
}

// Up to 32 rows per statement, values bound by position: most promises' holds in one call into
// SQLite. A call per row with its values bound by name was most of saving an edit that changes
// 4,000 promises' plans (64,000 rows, issue #15, speed). Rows keep their order (the order written).
const ROWS_PER_INSERT = 32;
const insertSql = (rows: number) =>
  `INSERT INTO promise_holds (promise_id, ${HOLD_COLUMNS.join(', ')}) VALUES ` + new Array(rows).fill(`(?${', ?'.repeat(HOLD_COLUMNS.length)})`).join(', ');
const INSERT_SQL = Array.from({ length: ROWS_PER_INSERT }, (_, k) => insertSql(k + 1));

/** `replaceHolds` with its statements prepared once, for writing many promises' holds. */
function holdsWriter(db: Database): (id: string, holds: readonly Hold[]) => void {
  const del = prepared(db, 'DELETE FROM promise_holds WHERE promise_id = ?');
  const values: unknown[] = [];
  return (id, holds) => {
    del.run(id);
    for (let at = 0; at < holds.length; at += ROWS_PER_INSERT) {
      const rows = Math.min(ROWS_PER_INSERT, holds.length - at);
      values.length = 0;
      for (let k = at; k < at + rows; k++) {
        values.push(id);
        pushHoldColumns(values, holds[k]!);
      }
      prepared(db, INSERT_SQL[rows - 1]!).run(values);
    }
  };
}

/**
 * Writes each outcome's holds and flag, then bumps the holds version (the tables changed). New
 * holds are compared with the rows stored, not with `open`'s (which may not have been read).
 */
export function applyRevalidation(db: Database, open: readonly (PromiseToRevalidate | OpenPromise)[], outcomes: readonly RevalidationOutcome[]): void {
  const before = new Map(open.map((p) => [p.id, p]));
  for (const o of outcomes) if (!before.has(o.id)) throw new Error(`revalidation returned an outcome for ${o.id}, which is not an open promise`);
  const changed = promisesWithOtherHolds(db, outcomes);
  const setRisk = prepared(db, 'UPDATE promises SET at_risk = ?, risk_reasons_json = ? WHERE id = ?');
  const writeHolds = holdsWriter(db);
  for (const o of outcomes) {
    const old = before.get(o.id)!;
    // Most promises keep their plan and their flag after a small change: their rows stay as they are.
    if (changed.has(o.id)) writeHolds(o.id, o.holds);
    const reasons = JSON.stringify(o.atRisk ? o.reasons : []);
    if ('atRisk' in old && old.atRisk === o.atRisk && JSON.stringify(old.riskReasons) === reasons) continue;
    setRisk.run(o.atRisk ? 1 : 0, reasons, o.id);
  }
  // Every open promise was planned again: followers rebuild rather than replay.
  bumpHoldsVersion(db, null);
}
