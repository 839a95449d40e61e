/**
 * The replan a preview of an edit worked out, kept for the save that follows it (issue #15,
 * speed): the app shows what an edit would do to the open promises, and the save then replans
 * the same promises against the same tables as of the same day. When the store hands the save the
 * very array of promises the preview replanned (it does only while nothing in the database was
 * written since: db/open-promises-memo.ts), and the edits, their base version and the day are the
 * same, the engine would work out exactly the preview's outcomes again: they are used instead.
 *
 * One per store. Dropped once a save used it, when the next preview replaces it, or after a while:
 * a preview that is not saved soon is not saved at all, and 20,000 outcomes are memory.
 */
import type { PromiseToRevalidate, RevalidationOutcome } from '../../shared/engine/types';
import type { TableEdits } from '../../shared/edits/apply-edits';

interface Replan {
  key: string;
  open: readonly PromiseToRevalidate[];
  outcomes: RevalidationOutcome[];
}

const KEEP_MS = 10 * 60_000;
const kept = new WeakMap<object, Replan>();

/** What a replan is of: the edits, the tables they were made on, and the as-of day. */
export function replanKey(baseVersion: string, edits: readonly TableEdits[], asOf: string): string {
  return JSON.stringify([baseVersion, asOf, edits]);
}

export function keepReplan(store: object, key: string, open: readonly PromiseToRevalidate[], outcomes: RevalidationOutcome[]): void {
  const replan = { key, open, outcomes };
  kept.set(store, replan);
  setTimeout(() => {
    if (kept.get(store) === replan) kept.delete(store);
  }, KEEP_MS).unref();
}

/** The kept outcomes when they are of `key` and of this very array of promises (then no longer kept); else null. */
export function takeReplan(store: object, key: string, open: readonly PromiseToRevalidate[]): RevalidationOutcome[] | null {
  const replan = kept.get(store);
  if (!replan || replan.key !== key || replan.open !== open) return null;
  kept.delete(store);
  return replan.outcomes;
}
