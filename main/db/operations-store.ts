/**
 * What the operations workspace needs from storage beyond `Store`: imports and saves of edits
 * that record their history, the history itself, the promises holding a resource's hours, and a
 * re-promise that replaces an at-risk promise in one step. Like `Store`, every method is one
 * transaction and the store only persists (validation and planning are callbacks or done before).
 */
import type { Hold, PromiseToRevalidate } from '../../shared/engine/types';
import type { Reason } from '../../shared/schemas/check';
import type { TableName, Workbook } from '../../shared/schemas/workbook';
import type { FieldChange, PlainRow, WorkbookDiff } from '../../shared/edits/diff';
import type { CapacityLock } from './capacity-lock';
import type { ImportMeta, ImportOutcome, LockConflict, NewPromise, PromiseStatus, Revalidate } from './store-types';

/** The tables changed since the version an edit or a preview was made on. */
export class TablesChangedError extends Error {
  constructor(readonly dataVersion: string | null) {
    super(`The tables changed meanwhile (they are now at data version ${dataVersion ?? 'none'}).`);
    this.name = 'TablesChangedError';
  }
}

export interface ChangeSet {
  id: number;
  kind: 'import' | 'edit';
  at: string;
  user: string;
  /** The imported file or folder, or what was edited ("edit of resources"). */
  source: string;
  /** The data version this change produced. */
  dataVersion: string;
  added: number;
  changed: number;
  removed: number;
}

export interface HistoryEntry {
  id: number;
  change: ChangeSet;
  table: TableName;
  key: string;
  op: 'add' | 'change' | 'remove';
  /** The whole row, for an added or removed row. */
  row: PlainRow | null;
  /** Old → new per field, for a changed row. */
  fields: FieldChange[] | null;
}

export interface HistoryFilter {
  table?: TableName;
  /** Rows whose key contains this text (any case). */
  key?: string;
  user?: string;
  changeId?: number;
  /** Entries older than this entry id (paging backwards). */
  beforeId?: number;
  limit?: number;
}

/** Rows of one table to write: the table's rows after the change, and which of them changed. */
export interface TableWrite {
  table: TableName;
  rows: readonly unknown[];
  /** Indexes of rows changed in place (same count of rows before and after), or `all` to rewrite the table. */
  changed: readonly number[] | 'all';
}

export interface SaveEdits {
  /** The data version the edits were made on: the save is refused when the tables changed since. */
  baseVersion: string;
  /** Every table after the edits (revalidation plans against it). */
  workbook: Workbook;
  writes: readonly TableWrite[];
  diff: WorkbookDiff;
  user: string;
  source: string;
  at?: string;
}

export type SaveOutcome =
  | { ok: true; change: ChangeSet; revalidated: string[]; atRisk: string[] }
  | { ok: false; conflict: 'version_changed'; dataVersion: string | null };

export interface HoldingPromise {
  id: string;
  status: PromiseStatus;
  customer: string;
  atRisk: boolean;
  /** Hours held on the resource in the range, regular and overtime (1/10,000 h). */
  regular_e4: number;
  overtime_e4: number;
  firstDate: string;
  lastDate: string;
}

/** An open promise as revalidation reads it, with whom it is for and whether it is at risk now. */
export interface OpenPromise extends PromiseToRevalidate {
  customer: string;
  atRisk: boolean;
  /** Why it is at risk now (empty when it is not). */
  riskReasons: Reason[];
}

export type ReplaceOutcome =
  | { ok: true; id: string; holdsVersion: number }
  | { ok: false; conflict: 'holds_changed' | 'status_changed' | 'not_found' | LockConflict; status: PromiseStatus | null };

export interface OperationsStore {
  /**
   * Replaces every table as `Store.importWorkbook` does, and records what changed, in one
   * transaction. With `expectedVersion` (what a preview was computed on) it throws
   * TablesChangedError when the tables changed since.
   */
  importWithHistory(workbook: Workbook, meta: ImportMeta & { expectedVersion?: string | null }, revalidate: Revalidate): Promise<ImportOutcome & { change: ChangeSet }>;
  /** Writes edited tables, records history and a new data version, replans open promises: one transaction. */
  saveEdits(save: SaveEdits, revalidate: Revalidate): Promise<SaveOutcome>;
  listChanges(filter?: { user?: string; limit?: number }): Promise<ChangeSet[]>;
  listHistory(filter?: HistoryFilter): Promise<HistoryEntry[]>;
  historyUsers(): Promise<string[]>;
  /** One change set with every row it touched (no paging), in the order written; null when there is none of that id. */
  changeWithEntries(id: number): Promise<{ change: ChangeSet; entries: HistoryEntry[] } | null>;
  /** Open promises holding hours of `resourceId` from `from` to `to` (inclusive), in confirm order. */
  promisesHolding(resourceId: string, from: string, to: string): Promise<HoldingPromise[]>;
  /**
   * Every open promise (confirmed or awaiting approval) in confirm order, with its request, last
   * result, holds, the reason codes its approvals cover, and its at-risk flag and reasons now:
   * what a preview of a change replans, without writing anything. Read in one transaction.
   * Callers must not change what they get: a store may hand the same array out again while
   * nothing changed (open-promises-memo.ts). With `asOf` (the day the caller replans as of), a
   * store may leave out the holds of promises that do not wait to be fulfilled that day: a replan
   * reads no others (`PromiseToRevalidate.holds`).
   */
  openPromises(asOf?: string): Promise<readonly OpenPromise[]>;
  /** Every hold of every open promise except those of `id` (a re-check of `id` sees its own released). */
  openHoldsExcept(id: string): Promise<Hold[]>;
  /**
   * Records `replacement` (confirmed) and cancels `id` (releasing its holds) in one transaction;
   * refused when holds changed since `expectedHoldsVersion` or `id` is no longer in `from`.
   */
  replacePromise(id: string, from: PromiseStatus, replacement: NewPromise, expected: number | CapacityLock): Promise<ReplaceOutcome>;
}
