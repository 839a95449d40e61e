/**
 * The shapes the stores take and give (store.ts holds the interfaces themselves): imports,
 * promises, their holds, events and approvals, and the Promises list's search.
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
/** The open statuses as an SQL list (`'confirmed', 'awaiting_approval'`): our own constants, never user input. */
export const OPEN_STATUSES_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export type { HoldChanges, HoldDelta } from './hold-changes';

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
export type Revalidate = ((workbook: Workbook, dataVersion: string, open: readonly PromiseToRevalidate[]) => RevalidationOutcome[]) & {
  /**
   * The day it replans as of, when it says: the store then reads only the holds of the promises
   * that wait to be fulfilled that day (the only holds a replan reads); without it, every hold.
   */
  readonly asOf?: string;
};

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

export interface PromiseSearch {
  status?: readonly PromiseStatus[];
  /** Part of the customer's name, any case. */
  customer?: string;
  /** A SKU on any line. */
  product?: string;
  from?: string;
  to?: string;
  /** Which dates `from`/`to` bound: the (UTC) day it was made, or any line's requested delivery date. */
  dates?: 'created' | 'delivery';
  atRisk?: boolean;
  limit?: number;
}

export interface FoundPromise extends PromiseSummary {
  request: CheckRequest;
  result: CheckResult;
}
