/**
 * Every hold row of a SQLite database, for those who take many at once (a model built from the
 * open holds, a replan of every open promise): 130,000 rows on the big plant, 1.3 million at ×10.
 * Read in the table's own order (the order written) with no join and no sort, one row at a time
 * as an array, each text shared among the holds: joined with the open promises and sorted, SQLite
 * took about twice as long for the same rows, and an object and copies of its texts per row were
 * young garbage the collector copied twice over. Released holds are deleted, so the rows of
 * promises that are not open (skipped by the caller) are next to none.
 */
import type { Database } from 'better-sqlite3';
import type { Hold } from '../../shared/engine/types';
import { HOLD_COLUMNS, holdFromColumns } from './promise-rows';
import { prepared } from './statements';
import { OPEN_STATUSES_SQL } from './store-types';

const HOLDS_SQL = `SELECT promise_id, ${HOLD_COLUMNS.join(', ')} FROM promise_holds ORDER BY rowid`;

// The same scan, SQLite skipping the rows of promises that are not open: it keeps their ids in a
// list of its own (and a Bloom filter), where a set of 200,000 ids made in JavaScript first took
// half a second. `+promise_id` keeps it a scan in the table's order (no index, no sort).
const OPEN_HOLDS_SQL = `SELECT ${HOLD_COLUMNS.join(', ')} FROM promise_holds
  WHERE +promise_id IN (SELECT id FROM promises WHERE status IN (${OPEN_STATUSES_SQL}))
  ORDER BY rowid`;

/**
 * The holds of the open promises, in the order written, one at a time as they are read: for a
 * model built from them, which keeps none of them. Kept in a list, the 1.3 million hold objects
 * of the ×10 plant were old garbage the collector walked again and again while the model was
 * built, and half of the memory at start. Read it to the end before using the database again.
 */
export function* openHoldsAsRead(db: Database, intern?: (s: string) => string): Generator<Hold> {
  for (const r of prepared(db, OPEN_HOLDS_SQL).raw(true).iterate() as IterableIterator<unknown[]>) yield holdFromColumns(r, 0, intern);
}

/** The holds of the open promises in a list, each text shared among them (holds kept for long). */
export function openHoldsList(db: Database): Hold[] {
  return [...openHoldsAsRead(db, sharedTexts())];
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

/** Adds each hold to the list `into` gives for its promise (none: skipped), in the order written. */
export function scanHolds(db: Database, into: (promiseId: string) => Hold[] | undefined): void {
  const intern = sharedTexts();
  for (const r of prepared(db, HOLDS_SQL).raw(true).iterate() as IterableIterator<unknown[]>) {
    into(r[0] as string)?.push(holdFromColumns(r, 1, intern));
  }
}
