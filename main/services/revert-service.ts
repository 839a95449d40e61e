/**
 * Undo a saved change from History (issue #15): first what it would do (rows put back, and the
 * open promises it would put at risk or take out of risk), then the undo itself, saved as a new
 * change like any save of edits (history, new data version, every open promise replanned), and
 * refused when the tables changed since the preview.
 */
import { authorize, type ActorRef } from '../access/authorize';
import type { ChangeSet } from '../db/operations-store';
import { diffWorkbooks, isUnchanged, type WorkbookDiff } from '../workbook/diff';
import { NoPlantError, type OperationsDeps } from './operations-deps';
import { revalidator } from './revalidator';
import { revertEntries } from './revert-change';
import { riskImpactOf, type RiskImpact } from './risk-impact';

export type RevertRefusal = { ok: false; kind: 'not_found' | 'refused' | 'conflict'; message: string; problems: string[] };
export type RevertPreview = { ok: true; change: ChangeSet; baseVersion: string; diff: WorkbookDiff; impact: RiskImpact } | RevertRefusal;
export type RevertResult = { ok: true; change: ChangeSet; revalidated: string[]; atRisk: string[] } | RevertRefusal;

const what = (c: ChangeSet) => (c.kind === 'import' ? `the import of ${c.source}` : `the ${c.source}`);

async function prepare(deps: OperationsDeps, changeId: number) {
  const plant = await deps.checks.loadPlant();
  if (!plant) throw new NoPlantError();
  const found = await deps.ops.changeWithEntries(changeId);
  if (!found) return { ok: false, kind: 'not_found', message: `There is no change #${changeId}.`, problems: [] } as RevertRefusal;
  const r = revertEntries(plant.workbook, found.entries, changeId);
  if (!r.ok) return { ok: false, kind: 'refused', message: `Change #${changeId} (${what(found.change)}) cannot be undone as it stands:`, problems: r.problems } as RevertRefusal;
  const diff = diffWorkbooks(plant.workbook, r.workbook, r.tables);
  if (isUnchanged(diff)) return { ok: false, kind: 'refused', message: `Undoing change #${changeId} would change nothing: the tables already hold what was there before it.`, problems: [] } as RevertRefusal;
  return { ok: true as const, plant, found, reverted: r, diff };
}

export async function previewRevert(deps: OperationsDeps, actor: ActorRef, changeId: number, opts: { asOf?: string } = {}): Promise<RevertPreview> {
  authorize(actor, 'tables:edit');
  const p = await prepare(deps, changeId);
  if (!p.ok) return p;
  const impact = await riskImpactOf(deps, p.reverted.workbook, opts.asOf ?? deps.checks.today());
  return { ok: true, change: p.found.change, baseVersion: p.plant.dataVersion, diff: p.diff, impact };
}

export async function revertChange(deps: OperationsDeps, actor: ActorRef, changeId: number, baseVersion: string, opts: { asOf?: string } = {}): Promise<RevertResult> {
  authorize(actor, 'tables:edit');
  const p = await prepare(deps, changeId);
  if (!p.ok) return p;
  const conflict = { ok: false, kind: 'conflict', message: 'The tables changed since you looked at this undo: look again.', problems: [] } as RevertRefusal;
  if (p.plant.dataVersion !== baseVersion) return conflict;
  const outcome = await deps.ops.saveEdits(
    {
      baseVersion,
      workbook: p.reverted.workbook,
      writes: p.reverted.tables.map((t) => ({ table: t, rows: p.reverted.workbook[t] as unknown[], changed: 'all' as const })),
      diff: p.diff,
      user: actor.name,
      source: `undo of change #${changeId} (${what(p.found.change)})`,
    },
    revalidator(opts.asOf ?? deps.checks.today()),
  );
  return outcome.ok ? outcome : conflict;
}
