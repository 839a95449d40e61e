/**
 * Every hold row of a SQLite database, for those who take many at once (a model built from the
 * open holds, a replan of every open promise): 130,000 rows on the big plant, 1.3 million at ×10.
 * Read in the table's own order (the order written) with no join and no sort, in batches of rows
 * as arrays, each text shared among the holds: joined with the open promises and sorted, SQLite
 * took about twice as long for the same rows, and an object and copies of its texts per row were
 * young garbage the collector copied twice over. Every row is an open promise's: the database
 * deletes a promise's holds when it leaves the open statuses and refuses holds for any other
 * (migration 0009).
 */
import type { Database } from 'better-sqlite3';
import type { Hold } from '../../shared/engine/types';
import { HoldPacker, type PackedHolds } from '../../shared/engine/packed-holds';
import { HOLD_COLUMNS, MODEL_HOLD_COLUMNS, holdFromColumns, packModelColumns } from './promise-rows';
import { batches, prepared, SCAN_BATCH } from './statements';

// Every scan reads in batches of rows (statements.ts `batches`): a call per row took 1.15 s for the
// ×10 plant's 1.3 million rows, batches of 4,096 0.83 s. A row's first value is its rowid, where
// the next batch starts.
const batchSql = (columns: readonly string[]) => `SELECT rowid, ${columns.join(', ')} FROM promise_holds WHERE rowid > ? ORDER BY rowid LIMIT ${SCAN_BATCH}`;

const HOLDS_SQL = batchSql(['promise_id', ...HOLD_COLUMNS]);

// The same scan without the promise: every hold row is an open promise's (see above). Skipping
// the rows of promises not open here looked each row up among the open promises' ids, a sixth of
// opening the ×10 database, for rows the database no longer keeps.
const OPEN_HOLDS_SQL = batchSql(HOLD_COLUMNS);
const MODEL_HOLDS_SQL = batchSql(MODEL_HOLD_COLUMNS);

/** Every row `sql` (a `batchSql`) reads, in the order written; inside a transaction only (one snapshot). */
function* rowsInBatches(db: Database, sql: string): Generator<unknown[]> {
  for (const rows of batches<unknown[]>(db, sql, (r) => r[0] as number, { raw: true, what: 'the hold rows' })) yield* rows;
}

/**
 * The holds of the open promises packed for a model (packed-holds.ts), in the order written, with
 * no hold made of a row: the model at start takes every one of them and keeps none. Within a
 * transaction (one snapshot).
 */
export function packedOpenHolds(db: Database): PackedHolds {
  const packer = new HoldPacker();
  const row = prepared(db, `SELECT ${HOLD_COLUMNS.join(', ')} FROM promise_holds WHERE rowid = ?`).raw(true);
  const whole = (r: readonly unknown[]) => row.get(r[0]) as unknown[];
  for (const r of rowsInBatches(db, MODEL_HOLDS_SQL)) packModelColumns(r, 1, packer, whole);
  return packer.done();
}

/** The holds of the open promises in a list, each text shared among them (holds kept for long). */
export function openHoldsList(db: Database): Hold[] {
  return db.transaction(() => {
    const intern = sharedTexts();
    return Array.from(rowsInBatches(db, OPEN_HOLDS_SQL), (r) => holdFromColumns(r, 1, intern));
  })();
}

/** One copy of each text (a row brings its own copy of every text it holds). */
function sharedTexts(): (s: string) => string {
  const texts = new Map<string, string>();
  return (s) => {
    const t = texts.get(s);
    if (t !== undefined) return t;
    texts.set(s, s);
    return s;
  };
}

const ONE_PROMISE_SQL = `SELECT promise_id, ${HOLD_COLUMNS.join(', ')} FROM promise_holds WHERE promise_id = ? ORDER BY rowid`;

/**
 * Fills each list of `held` with its promise's holds, in the order written. A few promises of many
 * (`of`: how many were read) are looked up one by one through the index; more, in one scan.
 */
export function readHolds(db: Database, held: ReadonlyMap<string, Hold[]>, of: number): void {
  if (held.size === 0) return;
  if (held.size * 8 > of) return scanHolds(db, (id) => held.get(id));
  const intern = sharedTexts();
  const one = prepared(db, ONE_PROMISE_SQL).raw(true);
  for (const [id, holds] of held) for (const r of one.iterate(id) as IterableIterator<unknown[]>) holds.push(holdFromColumns(r, 1, intern));
}

/**
 * The ids among `outcomes` whose holds are not the rows stored for them, in the order written:
 * one scan comparing each row with the hold expected in its place (no hold object made of it), so
 * that a replan needs no copy of the stored holds to rewrite only those that changed.
 */
export function promisesWithOtherHolds(db: Database, outcomes: readonly { id: string; holds: readonly Hold[] }[]): Set<string> {
  const next = new Map<string, { holds: readonly Hold[]; at: number; same: boolean }>();
  for (const o of outcomes) next.set(o.id, { holds: o.holds, at: 0, same: true });
  // A transaction of its own, or a savepoint in the caller's (better-sqlite3 nests them).
  db.transaction(() => {
    for (const r of rowsInBatches(db, HOLDS_SQL)) {
      const n = next.get(r[1] as string);
      if (!n?.same) continue;
      const h = n.holds[n.at++];
      if (h === undefined || !rowHolds(r, 2, h)) n.same = false;
    }
  })();
  const other = new Set<string>();
  for (const [id, n] of next) if (!n.same || n.at !== n.holds.length) other.add(id);
  return other;
}

/**
 * Whether the raw row's hold columns from `at` on (`HOLD_COLUMNS` order) are exactly what
 * `pushHoldColumns` writes for `h`. Written out column by column: a row made for each hold to
 * compare with doubled the scan (test/property/stored-holds.test.ts holds the two to the same).
 */
function rowHolds(r: readonly unknown[], at: number, h: Hold): boolean {
  if (r[at] !== h.line || r[at + 1] !== h.type || r[at + 4] !== h.date) return false;
  return h.type === 'goods'
    ? r[at + 2] === h.sku && r[at + 3] === null && r[at + 5] === h.qty && r[at + 6] === h.use && r[at + 7] === null && r[at + 8] === null
    : r[at + 2] === null && r[at + 3] === h.resource_id && r[at + 5] === null && r[at + 6] === null && r[at + 7] === h.regular_e4 && r[at + 8] === h.overtime_e4;
}

/** Adds each hold to the list `into` gives for its promise (none: skipped), in the order written. */
export function scanHolds(db: Database, into: (promiseId: string) => Hold[] | undefined): void {
  const intern = sharedTexts();
  db.transaction(() => {
    for (const r of rowsInBatches(db, HOLDS_SQL)) into(r[1] as string)?.push(holdFromColumns(r, 2, intern));
  })();
}
