/**
 * Workbook in and out of a store: import from a folder or .xlsx (validated completely first; the
 * store is touched only when there is no problem), the demo plant, export.
 */
import { createHash } from 'node:crypto';
import { authorize, type ActorRef } from '../access/authorize';
import { diffWorkbooks, type WorkbookDiff } from '../../shared/edits/diff';
import { riskImpactOf, type RiskImpact } from './risk-impact';
import type { ImportMeta, ImportOutcome, Revalidate, Store } from '../db/store';
import { demoWorkbook } from '../demo/demo-workbook';
import type { Workbook } from '../../shared/schemas/workbook';
import type { WorkbookIssue } from '../workbook/issues';
import { readWorkbook } from '../workbook/read-workbook';
import type { OnImportStep } from '../workbook/validate-workbook';
import { revalidator } from './revalidator';

export const DEMO_SOURCE = 'demo plant';

export type ImportResult =
  | { ok: true; outcome: ImportOutcome; format: 'csv' | 'xlsx'; rowCount: number; source: string }
  | { ok: false; issues: WorkbookIssue[] };

/** Imports the workbook at `path` as `actor`, who must be allowed to change the operations tables. */
export async function importFromPath(store: Store, path: string, opts: { asOf: string; actor: ActorRef; onStep?: OnImportStep }): Promise<ImportResult> {
  authorize(opts.actor, 'tables:edit');
  const read = await readWorkbook(path, opts.onStep);
  if (!read.ok) return read;
  opts.onStep?.({ phase: 'write' });
  const outcome = await importRecordingHistory(store, read.workbook, { source: read.source, sha256: read.sha256, user: opts.actor.name }, revalidator(opts.asOf));
  return { ok: true, outcome, format: read.format, rowCount: read.rowCount, source: read.source };
}

export type DryRunResult =
  | { ok: true; source: string; format: 'csv' | 'xlsx'; rowCount: number; baseVersion: string | null; diff: WorkbookDiff; impact: RiskImpact }
  | { ok: false; issues: WorkbookIssue[] };

/**
 * What importing the workbook at `path` would change, table by table, and which open promises it
 * would put at risk or take out of risk as of `asOf`: read and validated like an import, and
 * nothing is written.
 */
export async function dryRunImport(store: Store, path: string, opts: { asOf: string }): Promise<DryRunResult> {
  const read = await readWorkbook(path);
  if (!read.ok) return read;
  const plant = await store.loadPlant();
  const diff = diffWorkbooks(plant?.workbook ?? null, read.workbook);
  const impact = await riskImpactOf({ ops: store.operations }, read.workbook, opts.asOf);
  return { ok: true, source: read.source, format: read.format, rowCount: read.rowCount, baseVersion: plant?.dataVersion ?? null, diff, impact };
}

/** An import recorded in the history like any change of the tables (its change set is not needed here). */
async function importRecordingHistory(store: Store, workbook: Workbook, meta: ImportMeta, revalidate: Revalidate): Promise<ImportOutcome> {
  const { change: _change, ...outcome } = await store.operations.importWithHistory(workbook, meta, revalidate);
  return outcome;
}

/** A workbook built in code has no file: its hash is that of its canonical JSON. */
export function workbookSha256(wb: Workbook): string {
  return createHash('sha256').update(JSON.stringify(wb)).digest('hex');
}

/** Fills a store that has no plant yet with the demo plant of `today`; false when it had one. */
export async function seedDemoIfEmpty(store: Store, opts: { today: string; user: string }): Promise<boolean> {
  if ((await store.dataVersion()) !== null) return false;
  const wb = demoWorkbook(opts.today);
  await importRecordingHistory(store, wb, { source: DEMO_SOURCE, sha256: workbookSha256(wb), user: opts.user }, revalidator(opts.today));
  return true;
}
