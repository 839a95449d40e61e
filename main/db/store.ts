/**
 * Storage behind one interface of whole operations. Every method is one transaction and returns a
 * Promise, so that a PostgreSQL store for teams can implement the same interface. The store only
 * persists: it never runs the engine (revalidation is a callback the caller passes in). Its parts
 * (people, operations) work on the same database; which database it is, only main/db/ knows.
 */
import type { Hold } from '../../shared/engine/types';
import type { PackedHolds } from '../../shared/engine/packed-holds';
import type { Workbook } from '../../shared/schemas/workbook';
import type { CapacityLock } from './capacity-lock';
import type { OperationsStore } from './operations-store';
import type { PeopleStore } from './people-store';
import type {
  FoundPromise,
  HoldChanges,
  HoldsChange,
  ImportMeta,
  ImportOutcome,
  ImportRecord,
  NewPromise,
  PlantSnapshot,
  PromiseFilter,
  PromiseRecord,
  PromiseSearch,
  PromiseStatus,
  PromiseSummary,
  RecordOutcome,
  Revalidate,
  TransitionOptions,
  TransitionOutcome,
} from './store-types';

export * from './store-types';

export interface Store {
  /** Users, keys, sign-in throttling and signed summaries, on the same database. */
  readonly people: PeopleStore;
  /** Imports with history, table edits and the operations workspace's queries, on the same database. */
  readonly operations: OperationsStore;
  /** The current operations tables, or null before the first import. */
  loadPlant(): Promise<PlantSnapshot | null>;
  /** The data version of the current tables (cheap: no rows are read), or null before the first import. */
  dataVersion(): Promise<string | null>;
  /** Replaces every operations table, records the import and replans open promises, in one transaction. */
  importWorkbook(workbook: Workbook, meta: ImportMeta, revalidate: Revalidate): Promise<ImportOutcome>;
  listImports(): Promise<ImportRecord[]>;
  /** Every hold of every open promise. */
  /**
   * What changed in the holds after `version` (each bump's added and released holds), so a model
   * can follow incrementally; null when it must be rebuilt (an import, an edit, or too far behind).
   */
  holdChangesSince(version: number): Promise<HoldChanges | null>;
  loadOpenHolds(): Promise<Hold[]>;
  /** Every open hold and the holds version they make up, read in one snapshot (a model built from them follows the log from there). */
  openHoldsWithVersion(): Promise<{ version: number; holds: Hold[] }>;
  /**
   * The same snapshot packed for a model (`buildModel`'s `packed`): a model is built from a million holds
   * at start, and needs of each only what it takes, from what and on which day.
   */
  packedOpenHolds(): Promise<{ version: number; holds: PackedHolds }>;
  /** A counter bumped by every change of holds and every import. */
  holdsVersion(): Promise<number>;
  /**
   * Inserts a promise with its holds and first event; refuses when holds changed since
   * `expectedHoldsVersion`, or, under a capacity lock, holds what the check inside the lock holds.
   */
  recordPromise(p: NewPromise, expected: number | CapacityLock): Promise<RecordOutcome>;
  listPromises(filter?: PromiseFilter): Promise<PromiseSummary[]>;
  getPromise(id: string): Promise<PromiseRecord | null>;
  /** Moves a promise from `from` to `to` (refused when it is no longer in `from`), recording who and why. */
  transition(
    id: string,
    from: PromiseStatus,
    to: PromiseStatus,
    user: string,
    comment: string | null,
    holdsChange: HoldsChange,
    opts?: TransitionOptions,
  ): Promise<TransitionOutcome>;
  /** Records an approval that does not (yet) change the status. */
  recordApproval(id: string, approval: { role: string; user: string; decision: 'approved' | 'rejected'; comment?: string | null; at?: string }): Promise<void>;
  /** Moves every `awaiting_approval` promise whose hold lapsed by `now` to `expired`, releasing its holds. */
  expireHolds(now: string): Promise<string[]>;
  /** The Promises list: matches newest first, up to `limit` (200 by default), with their request and result, and how many matched. */
  searchPromises(q?: PromiseSearch): Promise<{ promises: FoundPromise[]; total: number }>;
  /** A deterministic text dump of every table (tests use it to prove "unchanged"). */
  dump(): Promise<string>;
  close(): Promise<void>;
}
