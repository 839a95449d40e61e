/**
 * Handlers of the operations channels (`shared/contract-operations.ts`): the tables and their
 * edits, workbook import and export, the capacity picture, history, undo and promises at risk,
 * each over the desk's operations services. Every change names the context's actor; the
 * services' one `authorize` gate refuses what that actor may not do.
 */
import type { operationsContract } from '../../shared/contract-operations';
import { TABLE_NAMES, TABLES } from '../../shared/schemas/workbook';
import { countAtRisk, listAtRisk } from '../services/at-risk-service';
import { capacityPictureOf, cellHolders } from '../services/capacity-service';
import { historyPage } from '../services/history-service';
import { previewRevert, revertChange } from '../services/revert-service';
import { loadTables, previewTableEdits, saveTableEdits } from '../services/table-edit-service';
import type { HandlersOf } from './context';
import { HandlerError } from './errors';
import { editsRefused, impactView, previewView, refusalError, view } from './operations-views';

export const operationsHandlers: HandlersOf<keyof typeof operationsContract> = {
  async 'tables:load'(_i, ctx) {
    const { dataVersion, workbook } = await loadTables(ctx.desk);
    const tables: Record<string, (string | number | null)[][]> = {};
    for (const t of TABLE_NAMES) {
      const cols = TABLES[t].columns;
      tables[t] = (workbook[t] as Record<string, string | number | null>[]).map((r) => cols.map((c) => r[c] ?? null));
    }
    return { data_version: dataVersion, tables };
  },
  async 'tables:impact'(i, ctx) {
    const r = await previewTableEdits(ctx.desk, await ctx.actor(), i.base_version, i.edits, { asOf: ctx.desk.checks.today() });
    return r.ok ? { ok: true, impact: impactView(r.impact) } : { ok: false, ...editsRefused(r, 'checked') };
  },
  async 'tables:save'(i, ctx) {
    const r = await saveTableEdits(ctx.desk, await ctx.actor(), i.base_version, i.edits);
    if (r.ok) return { saved: true, change: view(r.change), revalidated: r.revalidated.length, at_risk: r.atRisk };
    return { saved: false, ...editsRefused(r, 'saved') };
  },
  async 'workbook:preview'(i, ctx) {
    return previewView(await (await ctx.desk.transfer()).previewUpload(await ctx.actor(), i, { asOf: ctx.desk.checks.today() }));
  },
  async 'workbook:choose'(i, ctx) {
    const dialogs = ctx.dialogs?.workbook;
    if (!dialogs) throw new HandlerError('unavailable', 'There is no file dialog here: choose the file in the window.');
    const actor = await ctx.actor();
    const path = await dialogs.chooseWorkbook(i.kind);
    return path === null ? null : previewView(await (await ctx.desk.transfer()).previewPath(actor, path, { asOf: ctx.desk.checks.today() }));
  },
  async 'workbook:apply'(i, ctx) {
    const r = await (await ctx.desk.transfer()).apply(await ctx.actor(), i.token, { asOf: i.asOf ?? ctx.desk.checks.today() });
    if (!r.ok) throw new HandlerError(r.kind === 'expired' ? 'not_found' : 'unavailable', r.message);
    return { data_version: r.dataVersion, revalidated: r.revalidated.length, at_risk: r.atRisk };
  },
  async 'workbook:download'(i, ctx) {
    return (await ctx.desk.transfer()).download(i.what, i.format);
  },
  async 'workbook:save'(i, ctx) {
    const dialogs = ctx.dialogs?.workbook;
    if (!dialogs) throw new HandlerError('unavailable', 'There is no file dialog here: the window downloads the file instead.');
    const name = i.what === 'template' ? 'promise-desk-template' : 'promise-desk-tables';
    const path = await dialogs.chooseExportTarget(i.format, name);
    if (path === null) return null;
    const r = await (await ctx.desk.transfer()).exportTo(i.what, i.format === 'xlsx' && !path.toLowerCase().endsWith('.xlsx') ? `${path}.xlsx` : path);
    return { path, files: r.files.length };
  },
  async 'capacity:picture'(i, ctx) {
    return capacityPictureOf(ctx.desk, i?.asOf ?? ctx.desk.checks.today());
  },
  async 'capacity:holders'(i, ctx) {
    return cellHolders(ctx.desk, i.resource_id, i.from, i.to);
  },
  async 'history:list'(i, ctx) {
    const filter = i ?? {};
    const page = await historyPage(ctx.desk, {
      ...(filter.table ? { table: filter.table } : {}),
      ...(filter.key ? { key: filter.key } : {}),
      ...(filter.user ? { user: filter.user } : {}),
      ...(filter.before_id !== undefined ? { beforeId: filter.before_id } : {}),
      limit: filter.limit ?? 200,
    });
    return {
      entries: page.entries.map((e) => ({ id: e.id, change: view(e.change), table: e.table, key: e.key, op: e.op, row: e.row, fields: e.fields })),
      users: page.users,
      changes: page.changes.map(view),
    };
  },
  async 'undo:preview'(i, ctx) {
    const r = await previewRevert(ctx.desk, await ctx.actor(), i.change_id, { asOf: ctx.desk.checks.today() });
    if (!r.ok) return { ok: false, reason: r.kind, message: r.message, problems: r.problems };
    return { ok: true, change: view(r.change), base_version: r.baseVersion, added: r.diff.added, changed: r.diff.changed, removed: r.diff.removed, impact: impactView(r.impact) };
  },
  async 'undo:apply'(i, ctx) {
    const r = await revertChange(ctx.desk, await ctx.actor(), i.change_id, i.base_version, { asOf: ctx.desk.checks.today() });
    if (!r.ok) return { ok: false, reason: r.kind, message: r.message, problems: r.problems };
    return { ok: true, change: view(r.change), revalidated: r.revalidated.length, at_risk: r.atRisk };
  },
  async 'risk:list'(_i, ctx) {
    return listAtRisk(ctx.desk);
  },
  async 'risk:count'(_i, ctx) {
    return { count: await countAtRisk(ctx.desk) };
  },
  async 'risk:recheck'(i, ctx) {
    const r = await ctx.desk.promises.recheck(i.id, i.lines, i.asOf ?? ctx.desk.checks.today());
    if (r.ok) return r.result;
    if (r.kind === 'request' && r.issues) throw new HandlerError('invalid_request', `The new lines have ${r.issues.length} ${r.issues.length === 1 ? 'problem' : 'problems'}.`, r.issues);
    throw refusalError(r);
  },
  async 'risk:repromise'(i, ctx) {
    const r = await ctx.desk.promises.repromise(await ctx.actor(), i.id, i.lines, { asOf: i.asOf ?? ctx.desk.checks.today(), ...(i.comment ? { comment: i.comment } : {}), submit: i.submit === true });
    if (r.ok) return { confirmed: true, id: r.id, replaces: r.replaces ?? i.id, result: r.result!, status: r.status as 'confirmed' | 'awaiting_approval' };
    if (r.kind === 'not_ok') return { confirmed: false, result: r.result ?? null, issues: [], message: r.message };
    if (r.kind === 'request') return { confirmed: false, result: null, issues: r.issues ?? [], message: r.message };
    if (r.kind === 'conflict') return { confirmed: false, result: null, issues: [], message: r.message };
    throw refusalError(r);
  },
  async 'risk:cancel'(i, ctx) {
    const r = await ctx.desk.promises.cancel(await ctx.actor(), i.id, i.comment ?? null);
    if (!r.ok) throw refusalError(r);
    return { id: r.id, status: r.status };
  },
};
