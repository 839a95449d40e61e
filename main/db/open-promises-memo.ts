/**
 * The open promises last read for replanning, kept while nothing in the database has changed: a
 * preview of an edit reads them (20,000 on the big plant), and the save
 * that follows it would read the very same rows again (issue #15, speed). "Nothing changed" is
 * SQLite's own count, not a version of ours that a writer could forget to bump: no row written on
 * this connection (`total_changes()`, triggers included) and no commit from any other
 * (`PRAGMA data_version`). Read both inside the transaction that reads the promises.
 *
 * Kept weakly: while someone still holds the array (a preview's replan kept for its save) it is
 * handed out again; once nobody does, the memory goes back. Callers must not change it.
 */
import type { Database } from 'better-sqlite3';
import type { OpenPromise } from './operations-store';
import { openPromisesForRevalidation } from './revalidation-rows';
import { prepared } from './statements';

const kept = new WeakMap<Database, { stamp: string; open: WeakRef<readonly OpenPromise[]> }>();

function stampOf(db: Database): string {
  const changes = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${String(db.pragma('data_version', { simple: true }))}:${changes}`;
}

/** `openPromisesForRevalidation`, or the same array as last time when nothing was written since (and the day is the same). */
export function readOpenPromises(db: Database, asOf?: string): readonly OpenPromise[] {
  const stamp = `${stampOf(db)}:${asOf ?? 'every hold'}`;
  const memo = kept.get(db);
  const same = memo?.stamp === stamp ? memo.open.deref() : undefined;
  if (same) return same;
  const open = openPromisesForRevalidation(db, asOf);
  kept.set(db, { stamp, open: new WeakRef(open) });
  return open;
}
