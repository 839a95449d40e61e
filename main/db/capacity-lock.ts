/**
 * A change whose check must see every hold of the capacity it uses (confirm, submit, approve,
 * re-promise). The store locks the pools the check reads (`poolsRead` of the engine: one lock per
 * resource and per stock pool, in sorted order; SQLite's write lock covers them all), brings the
 * caller's model up to date inside the lock, lets the caller check again on it, and writes what
 * that check holds — or nothing. No capacity conflict is ever retried: the check inside the lock
 * is the answer.
 */
import type { Hold } from '../../shared/engine/types';
import type { CheckResult } from '../../shared/schemas/check';

/** What the caller's model needs to be current: the changes after its version, or every open hold. */
export type HoldsUpdate =
  | { version: number; changes: { version: number; added: readonly Hold[]; released: readonly Hold[] }[]; holds?: undefined }
  | { version: number; holds: Hold[]; changes?: undefined };

export interface LockedDecision {
  result: CheckResult;
  holds: Hold[];
}

export interface CapacityLock {
  /** Pool keys (`hours:<resource>`, `goods:<sku>`) the check reads. */
  pools: readonly string[];
  /** The tables the caller's model was built on: other tables refuse with `plant_changed`. */
  dataVersion: string;
  /** The holds version of the caller's model. */
  since: number;
  /**
   * Send every open hold instead of the changes (a caller that builds a model of its own), all but
   * those of the promise `except` (a re-check that sees that promise's own holds released).
   */
  allHolds?: boolean | { except: string };
  /**
   * Runs inside the lock (synchronously): brings the model up to date with `update`, checks, and
   * returns what to write, or null to write nothing (the check no longer allows the change).
   */
  decide(update: HoldsUpdate): LockedDecision | null;
}

export function isCapacityLock(x: number | CapacityLock | undefined): x is CapacityLock {
  return typeof x === 'object' && x !== null;
}
