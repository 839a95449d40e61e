/**
 * Saving edits of the operations tables: the edits are applied to the tables of the version they
 * were made on and validated again here, in the main process, with the importer's schemas and
 * rules (the grid's own check is only a courtesy). What changed is then written, recorded in the
 * history with a new data version, and every open promise is planned again: one transaction.
 */
import { applyEdits, isEmptyEdit, type EditIssue, type TableEdits } from '../../shared/edits/apply-edits';
import { TABLES, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { authorize, type ActorRef } from '../access/authorize';
import type { ChangeSet, TableWrite } from '../db/operations-store';
import type { Revalidate } from '../db/store';
import { diffWorkbooks } from '../../shared/edits/diff';
import { NoPlantError, type OperationsDeps } from './operations-deps';
import { revalidator } from './revalidator';
import { keepReplan, replanKey, takeReplan } from './replan-memo';
import { riskImpactOf, type RiskImpact } from './risk-impact';

export type SaveResult =
  | { ok: true; change: ChangeSet; revalidated: string[]; atRisk: string[] }
  | { ok: false; kind: 'invalid'; issues: EditIssue[] }
  | { ok: false; kind: 'conflict'; message: string }
  | { ok: false; kind: 'empty'; message: string };

export async function loadTables(deps: OperationsDeps): Promise<{ dataVersion: string; workbook: Workbook }> {
  const plant = await deps.checks.loadPlant();
  if (!plant) throw new NoPlantError();
  return { dataVersion: plant.dataVersion, workbook: plant.workbook };
}

const CONFLICT = 'The tables were changed by someone else (an import or another save) since you opened them. Your edits are kept: reload the tables to see the new rows, then make them again.';

type Refusal = Extract<SaveResult, { ok: false }>;

/** The edits applied to the tables they were made on and validated again, or why not. */
async function applyToBase(deps: OperationsDeps, baseVersion: string, edits: readonly TableEdits[]) {
  if (isEmptyEdit(edits)) return { ok: false, kind: 'empty', message: 'There is nothing to save.' } as Refusal;
  const plant = await deps.checks.loadPlant();
  if (!plant) throw new NoPlantError();
  if (plant.dataVersion !== baseVersion) return { ok: false, kind: 'conflict', message: CONFLICT } as Refusal;
  const applied = applyEdits(plant.workbook, edits);
  if (!applied.ok) return { ok: false, kind: 'invalid', issues: applied.issues } as Refusal;
  return { ok: true as const, plant, applied };
}

export type ImpactResult = { ok: true; impact: RiskImpact } | Refusal;

/** What saving the edits would do to the open promises, before anything is written. */
export async function previewTableEdits(deps: OperationsDeps, actor: ActorRef, baseVersion: string, edits: readonly TableEdits[], opts: { asOf?: string } = {}): Promise<ImpactResult> {
  authorize(actor, 'tables:edit');
  const r = await applyToBase(deps, baseVersion, edits);
  if (!r.ok) return r;
  const asOf = opts.asOf ?? deps.checks.today();
  const key = replanKey(baseVersion, edits, asOf);
  return { ok: true, impact: await riskImpactOf(deps, r.applied.workbook, asOf, (open, outcomes) => keepReplan(deps.ops, key, open, outcomes)) };
}

export async function saveTableEdits(deps: OperationsDeps, actor: ActorRef, baseVersion: string, edits: readonly TableEdits[], opts: { asOf?: string } = {}): Promise<SaveResult> {
  authorize(actor, 'tables:edit');
  const r = await applyToBase(deps, baseVersion, edits);
  if (!r.ok) return r;
  const { plant, applied } = r;
  const diff = diffWorkbooks(plant.workbook, applied.workbook, applied.changed);
  const writes: TableWrite[] = applied.changed.map((t) => {
    const e = edits.find((x) => x.table === t)!;
    const inPlace = e.inserts.length === 0 && e.deletes.length === 0;
    return { table: t, rows: applied.workbook[t], changed: inPlace ? [...new Set(e.updates.map((u) => u.index))] : 'all' };
  });
  const asOf = opts.asOf ?? deps.checks.today();
  const key = replanKey(baseVersion, edits, asOf);
  const replan = revalidator(asOf);
  const outcome = await deps.ops.saveEdits(
    { baseVersion, workbook: applied.workbook, writes, diff, user: actor.name, source: sourceOf(applied.changed, diff.added + diff.changed + diff.removed) },
    // What the preview of these edits worked out, when nothing changed since (replan-memo.ts).
    Object.assign((...a: Parameters<Revalidate>) => takeReplan(deps.ops, key, a[2]) ?? replan(...a), { asOf }),
  );
  if (!outcome.ok) return { ok: false, kind: 'conflict', message: CONFLICT };
  // The rows just stored are the ones read back (every edited cell went through the same schemas:
  // test/property/workbook-round-trip.test.ts holds the two equal), so they need not be read again.
  const { change } = outcome;
  deps.checks.remember({ workbook: applied.workbook, dataVersion: change.dataVersion, importedAt: change.at, source: change.source });
  return outcome;
}

function sourceOf(tables: readonly TableName[], rows: number): string {
  const names = tables.map((t) => TABLES[t].name).join(', ');
  return `edit of ${names} (${rows} ${rows === 1 ? 'row' : 'rows'})`;
}
