/**
 * Storage behind one interface of whole operations. Every method is one transaction and returns a
 * Promise, so that a PostgreSQL store for teams can implement the same interface. The store only
 * persists: it never runs the engine (revalidation is a callback the caller passes in).
 */
import type { CheckRequest, CheckResult, Reason } from '../../shared/schemas/check';
import type { Hold, PromiseToRevalidate, RevalidationOutcome } from '../../shared/engine/types';
import type { TableName, Workbook } from '../../shared/schemas/workbook';
import type { CapacityLock } from './capacity-lock';
import type { SummaryRow } from './people-store';

export const PROMISE_STATUSES = ['draft', 'awaiting_approval', 'confirmed', 'rejected', 'cancelled', 'fulfilled', 'expired'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
/** Promises that hold capacity and are replanned when the tables change. */
export const OPEN_STATUSES: readonly PromiseStatus[] = ['confirmed', 'awaiting_approval'];

/** What one bump of the holds version changed: holds that started and stopped counting. */
export interface HoldDelta {
  added: readonly Hold[];
  released: readonly Hold[];
}

export interface HoldChanges {
  /** The holds version now. */
  version: number;
  /** The changes after the asked version, in order. */
  changes: (HoldDelta & { version: number })[];
}

export interface PlantSnapshot {
  workbook: Workbook;
  /** `v<import id>-<first 8 hex digits of the source's sha256>`; every check reports it. */
  dataVersion: string;
  importedAt: string;
  source: string;
}

export interface ImportMeta {
  /** What was imported, e.g. the folder or file name, or "demo plant". */
  source: string;
  /** SHA-256 (hex) of the source's bytes. */
  sha256: string;
  user: string;
  /** ISO time; now when left out. */
  at?: string;
}

export interface ImportRecord {
  id: number;
  at: string;
  source: string;
  sha256: string;
  rowCounts: Record<TableName, number>;
  user: string;
  dataVersion: string;
}

/**
 * Replans the open promises (confirmed or awaiting approval, in the order they were confirmed or
 * submitted) against the new tables. Runs inside the import's transaction, so it is synchronous.
 */
export type Revalidate = (workbook: Workbook, dataVersion: string, open: PromiseToRevalidate[]) => RevalidationOutcome[];

export interface ImportOutcome {
  import: ImportRecord;
  /** Ids of the open promises that were replanned, and of those now at risk. */
  revalidated: string[];
  atRisk: string[];
}

/**
 * Makes the signed summaries of a promise that becomes `confirmed`, inside the transaction that
 * confirms it, once its id and time are known (`promises.md`: signed when it is confirmed).
 */
export type SignSummaries = (id: string, at: string) => readonly SummaryRow[];

export interface NewPromise {
  status: 'draft' | 'confirmed' | 'awaiting_approval';
  request: CheckRequest;
  /** The check it was made from; its `as_of` and `data_version` are recorded with it. */
  result: CheckResult;
  holds: readonly Hold[];
  user: string;
  /** ISO time; now when left out. */
  at?: string;
  /** For `awaiting_approval`: when its holds lapse (ISO time). */
  holdExpiresAt?: string | null;
  comment?: string | null;
  /** For `confirmed`: its signed summaries, stored in the same transaction. */
  summaries?: SignSummaries;
}

export type RecordOutcome =
  | { ok: true; id: string; holdsVersion: number }
  /** Holds changed since the check was computed (another promise, an import): check again. */
  | { ok: false; conflict: 'holds_changed'; holdsVersion: number }
  /** With a capacity lock: the check inside the lock refused (`refused`), or the tables changed (`plant_changed`). */
  | { ok: false; conflict: LockConflict; holdsVersion: number };

/** Why a change under a capacity lock wrote nothing. */
export type LockConflict = 'refused' | 'plant_changed';

export interface PromiseFilter {
  status?: PromiseStatus | readonly PromiseStatus[];
  atRisk?: boolean;
}

export interface PromiseSummary {
  id: string;
  status: PromiseStatus;
  customer: string;
  region: string;
  mode: 'standard' | 'express';
  asOf: string;
  dataVersion: string;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  confirmedAt: string | null;
  holdExpiresAt: string | null;
  atRisk: boolean;
  /** Why it is at risk (empty when it is not). */
  riskReasons: Reason[];
  /** Order of confirmation or submission; null for drafts. */
  orderSeq: number | null;
}

export interface PromiseEvent {
  at: string;
  user: string;
  from: PromiseStatus | null;
  to: PromiseStatus;
  comment: string | null;
}

export interface Approval {
  role: string;
  approvedBy: string;
  at: string;
  comment: string | null;
  decision: 'approved' | 'rejected';
}

export interface PromiseRecord extends PromiseSummary {
  request: CheckRequest;
  result: CheckResult;
  holds: Hold[];
  events: PromiseEvent[];
  approvals: Approval[];
}

/** What a transition does to the promise's holds. */
export type HoldsChange = { kind: 'keep' } | { kind: 'release' } | { kind: 'replace'; holds: readonly Hold[] };

export interface TransitionOptions {
  /** ISO time; now when left out. */
  at?: string;
  /** Refuse when holds changed since this version (a re-check the transition relies on). */
  expectedHoldsVersion?: number;
  /**
   * Check again inside a lock of the pools the check reads and hold what that check holds (its
   * result is kept with the promise); replaces `expectedHoldsVersion` and a `replace` holds change.
   */
  lock?: CapacityLock;
  /** An approval or rejection recorded with the transition. */
  approval?: { role: string; decision: 'approved' | 'rejected'; comment?: string | null };
  /** A new check result to keep with the promise (the re-check of approve, confirm or submit). */
  result?: CheckResult;
  holdExpiresAt?: string | null;
  /** For a move to `confirmed`: its signed summaries, stored in the same transaction. */
  summaries?: SignSummaries;
}

export type TransitionOutcome =
  | { ok: true; promise: PromiseSummary; holdsVersion: number }
  | { ok: false; conflict: 'not_found' | 'status_changed' | 'holds_changed' | LockConflict; status: PromiseStatus | null; holdsVersion: number };

export interface Store {
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
  /** A deterministic text dump of every table (tests use it to prove "unchanged"). */
  dump(): Promise<string>;
  close(): Promise<void>;
}
