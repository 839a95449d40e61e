/**
 * The operations port over the operations services, on its own connection to the app's database
 * (SQLite in WAL mode serves several connections; every write is one IMMEDIATE transaction).
 * Refusals become typed errors: not allowed → `forbidden`, no tables → `unavailable`, no such
 * promise → `not_found`. Dialogs exist only in the desktop app: the shell passes them in.
 */
import type { Output, ParsedInput } from '../../shared/contract';
import type { CheckResult } from '../../shared/schemas/check';
import type { EditIssue } from '../../shared/edits/apply-edits';
import { TABLE_NAMES, TABLES } from '../../shared/schemas/workbook';
import { ForbiddenError, type ActorRef } from '../access/authorize';
import type { ChangeSet } from '../db/operations-store';
import { PromiseNotFoundError, cancelPromise, countAtRisk, listAtRisk, recheckAtRisk, repromise } from '../services/at-risk-service';
import { capacityPictureOf, cellHolders } from '../services/capacity-service';
import { NoPlantError, type OperationsDeps } from '../services/operations-deps';
import { signSummaries } from '../services/promise-summaries';
import type { Actor } from '../people/people-service';
import { previewRevert, revertChange } from '../services/revert-service';
import type { RiskImpact } from '../services/risk-impact';
import { loadTables, previewTableEdits, saveTableEdits } from '../services/table-edit-service';
import { WorkbookTransfer, type PreviewResult } from '../services/workbook-transfer-service';
import { HandlerError } from './errors';
import type { OperationsBackend, OpsChannel } from './operations-backend';

/** The desktop app's file dialogs (main/shell/workbook-dialogs.ts); null when cancelled. */
export interface WorkbookDialogs {
  chooseWorkbook(kind: 'xlsx' | 'csv'): Promise<string | null>;
  chooseExportTarget(format: 'xlsx' | 'csv', suggestedName: string): Promise<string | null>;
}

export interface OperationsBackendOptions {
  /** A fixed "today" (the browser preview's --as-of), for demos and tests. */
  asOf?: string;
  dialogs?: WorkbookDialogs;
  /** Who acts; by default `local` in single-user mode, refused once users exist (sign-in comes from the people service). */
  actor?: () => Promise<ActorRef>;
}

/** An actor that can sign (a signed-in user, or `local` with the installation key). */
const isSigner = (a: ActorRef): a is Actor => 'privateKey' in a && 'publicKey' in a;

const view = (c: ChangeSet) => ({ id: c.id, kind: c.kind, at: c.at, user: c.user, source: c.source, data_version: c.dataVersion, added: c.added, changed: c.changed, removed: c.removed });

export const impactView = (i: RiskImpact) => ({ open: i.open, become_at_risk: i.becomeAtRisk, stop_at_risk: i.stopAtRisk, stay_at_risk: i.stayAtRisk });

function previewView(p: PreviewResult): Output<'workbook:preview'> {
  if (!p.ok) return p;
  return { ok: true, token: p.token, source: p.source, format: p.format, row_count: p.rowCount, base_version: p.baseVersion, added: p.added, changed: p.changed, removed: p.removed, tables: p.tables, impact: impactView(p.impact) };
}

const editsRefused = (r: { kind: 'invalid'; issues: EditIssue[] } | { kind: 'conflict' | 'empty'; message: string }, what: string) =>
  r.kind === 'invalid'
    ? { reason: 'invalid' as const, message: `The edits have ${r.issues.length} ${r.issues.length === 1 ? 'problem' : 'problems'}; nothing was ${what}.`, issues: r.issues }
    : { reason: r.kind, message: r.message, issues: [] };

export function operationsBackend(deps: OperationsDeps, opts: OperationsBackendOptions & { actor: () => Promise<ActorRef> }): OperationsBackend {
  const transfer = new WorkbookTransfer(deps);
  const today = () => deps.checks.today();
  const handlers: { [C in OpsChannel]: (input: ParsedInput<C>) => Promise<Output<C>> } = {
    async 'tables:load'() {
      const { dataVersion, workbook } = await loadTables(deps);
      const tables: Record<string, (string | number | null)[][]> = {};
      for (const t of TABLE_NAMES) {
        const cols = TABLES[t].columns;
        tables[t] = (workbook[t] as Record<string, string | number | null>[]).map((r) => cols.map((c) => r[c] ?? null));
      }
      return { data_version: dataVersion, tables };
    },
    async 'tables:impact'(i) {
      const r = await previewTableEdits(deps, await opts.actor(), i.base_version, i.edits, { asOf: today() });
      return r.ok ? { ok: true, impact: impactView(r.impact) } : { ok: false, ...editsRefused(r, 'checked') };
    },
    async 'tables:save'(i) {
      const r = await saveTableEdits(deps, await opts.actor(), i.base_version, i.edits);
      if (r.ok) return { saved: true, change: view(r.change), revalidated: r.revalidated.length, at_risk: r.atRisk };
      return { saved: false, ...editsRefused(r, 'saved') };
    },
    async 'workbook:preview'(i) {
      return previewView(await transfer.previewUpload(await opts.actor(), i, { asOf: today() }));
    },
    async 'workbook:choose'(i) {
      if (!opts.dialogs) throw new HandlerError('unavailable', 'There is no file dialog here: choose the file in the window.');
      const actor = await opts.actor();
      const path = await opts.dialogs.chooseWorkbook(i.kind);
      return path === null ? null : previewView(await transfer.previewPath(actor, path, { asOf: today() }));
    },
    async 'workbook:apply'(i) {
      const r = await transfer.apply(await opts.actor(), i.token, { asOf: i.asOf ?? today() });
      if (!r.ok) throw new HandlerError(r.kind === 'expired' ? 'not_found' : 'unavailable', r.message);
      return { data_version: r.dataVersion, revalidated: r.revalidated.length, at_risk: r.atRisk };
    },
    async 'workbook:download'(i) {
      return transfer.download(i.what, i.format);
    },
    async 'workbook:save'(i) {
      if (!opts.dialogs) throw new HandlerError('unavailable', 'There is no file dialog here: the window downloads the file instead.');
      const name = i.what === 'template' ? 'promise-desk-template' : 'promise-desk-tables';
      const path = await opts.dialogs.chooseExportTarget(i.format, name);
      if (path === null) return null;
      const r = await transfer.exportTo(i.what, i.format === 'xlsx' && !path.toLowerCase().endsWith('.xlsx') ? `${path}.xlsx` : path);
      return { path, files: r.files.length };
    },
    async 'capacity:picture'(i) {
      return capacityPictureOf(deps, i?.asOf ?? today());
    },
    async 'capacity:holders'(i) {
      return cellHolders(deps, i.resource_id, i.from, i.to);
    },
    async 'history:list'(i) {
      const filter = i ?? {};
      const entries = await deps.ops.listHistory({
        ...(filter.table ? { table: filter.table } : {}),
        ...(filter.key ? { key: filter.key } : {}),
        ...(filter.user ? { user: filter.user } : {}),
        ...(filter.before_id !== undefined ? { beforeId: filter.before_id } : {}),
        limit: filter.limit ?? 200,
      });
      return {
        entries: entries.map((e) => ({ id: e.id, change: view(e.change), table: e.table, key: e.key, op: e.op, row: e.row, fields: e.fields })),
        users: await deps.ops.historyUsers(),
        changes: (await deps.ops.listChanges({ limit: 50, ...(filter.user ? { user: filter.user } : {}) })).map(view),
      };
    },
    async 'undo:preview'(i) {
      const r = await previewRevert(deps, await opts.actor(), i.change_id, { asOf: today() });
      if (!r.ok) return { ok: false, reason: r.kind, message: r.message, problems: r.problems };
      return { ok: true, change: view(r.change), base_version: r.baseVersion, added: r.diff.added, changed: r.diff.changed, removed: r.diff.removed, impact: impactView(r.impact) };
    },
    async 'undo:apply'(i) {
      const r = await revertChange(deps, await opts.actor(), i.change_id, i.base_version, { asOf: today() });
      if (!r.ok) return { ok: false, reason: r.kind, message: r.message, problems: r.problems };
      return { ok: true, change: view(r.change), revalidated: r.revalidated.length, at_risk: r.atRisk };
    },
    async 'risk:list'() {
      return listAtRisk(deps);
    },
    async 'risk:count'() {
      return { count: await countAtRisk(deps) };
    },
    async 'risk:recheck'(i) {
      const r = await recheckAtRisk(deps, i.id, i.lines as never, i.asOf ?? today());
      if (r.ok) return r.result;
      throw new HandlerError('invalid_request', `The new lines have ${r.issues.length} ${r.issues.length === 1 ? 'problem' : 'problems'}.`, r.issues);
    },
    async 'risk:repromise'(i) {
      const actor = await opts.actor();
      if (i.asOf !== undefined && i.asOf !== today() && actor.name !== 'local') {
        throw new HandlerError('invalid_request', `Changes are checked as of today (${today()}): another as-of date is refused once users exist.`);
      }
      // The confirming user signs the new promise's summaries, as every confirmation is signed.
      const sign = isSigner(actor) ? { summaries: (result: CheckResult) => (id: string, at: string) => signSummaries(actor, { id, result, confirmedAt: at, approvals: [] }) } : {};
      const r = await repromise(deps, actor, i.id, i.lines as never, { asOf: i.asOf ?? today(), ...(i.comment ? { comment: i.comment } : {}), ...sign, submit: i.submit === true });
      if (r.ok) return { confirmed: true, id: r.id, replaces: r.replaces, result: r.result, status: r.status };
      if (r.kind === 'not_ok')
        return { confirmed: false, result: r.result, issues: [], message: r.result.status === 'needs_approval' ? 'This answer needs approval: submit it for approval, or change the dates or quantities.' : 'These dates and quantities do not fit either: see the reasons.' };
      if (r.kind === 'request') return { confirmed: false, result: null, issues: r.issues, message: 'The new lines have problems.' };
      return { confirmed: false, result: null, issues: [], message: r.message };
    },
    async 'risk:cancel'(i) {
      return cancelPromise(deps, await opts.actor(), i.id, i.comment ?? null);
    },
  };
  return {
    async run(channel, input) {
      try {
        return await (handlers[channel] as (i: unknown) => Promise<never>)(input);
      } catch (e) {
        if (e instanceof ForbiddenError) throw new HandlerError('forbidden', e.message);
        if (e instanceof NoPlantError) throw new HandlerError('unavailable', e.message);
        if (e instanceof PromiseNotFoundError) throw new HandlerError('not_found', e.message);
        throw e;
      }
    },
  };
}
