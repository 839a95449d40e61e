/**
 * The operations workspace's channels, merged into the one contract map (`contract.ts`): the
 * tables and their edits, workbook import and export, the capacity picture, history, and promises
 * at risk. Input schemas bound every size a caller can send; outputs are plain data.
 */
import { z } from 'zod';
import { asOf, date, dateStr, nothing, stringVia } from './contract-fields';
import { checkResult, reason } from './schemas/check';
import { identifier } from './schemas/fields';
import { TABLE_NAMES } from './schemas/workbook';

const tableName = z.enum(TABLE_NAMES as [string, ...string[]]).transform((t) => t as (typeof TABLE_NAMES)[number]);

/** Rows and cells one save or upload may carry (a whole 100,000-row table, with room). */
const MAX_ROWS = 250_000;
/** Base64 of an uploaded workbook (an .xlsx of 100,000 rows is a few MB). */
const MAX_BASE64 = 300_000_000;

const cell = z.union([z.string(), z.number(), z.null()]);
const cells = z.record(z.string().max(64), z.string().max(10_000));

export const tableEdits = z.strictObject({
  table: tableName,
  updates: z.array(z.strictObject({ index: z.number().int().min(0), cells })).max(MAX_ROWS),
  inserts: z.array(cells).max(MAX_ROWS),
  deletes: z.array(z.number().int().min(0)).max(MAX_ROWS),
});

const rowRef = z.union([z.object({ kind: z.literal('base'), index: z.number().int() }), z.object({ kind: z.literal('new'), n: z.number().int() })]);
export const editIssue = z.object({ table: tableName, ref: rowRef, column: z.string().nullable(), message: z.string() });

export const tablesData = z.object({
  data_version: z.string(),
  /** Each table's rows as arrays of cells, in the order of `TABLES[t].columns`. */
  tables: z.record(z.string(), z.array(z.array(cell))),
});
export type TablesData = z.output<typeof tablesData>;

export const changeSet = z.object({
  id: z.number().int(),
  kind: z.enum(['import', 'edit']),
  at: z.string(),
  user: z.string(),
  source: z.string(),
  data_version: z.string(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
});
export type ChangeSetView = z.output<typeof changeSet>;

export const saveAnswer = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), change: changeSet, revalidated: z.number().int(), at_risk: z.array(z.string()) }),
  z.object({ saved: z.literal(false), reason: z.enum(['invalid', 'conflict', 'empty']), message: z.string(), issues: z.array(editIssue) }),
]);
export type SaveAnswer = z.output<typeof saveAnswer>;

/** Open promises a change would put at risk, and those it would take out of risk (issue #15). */
const impactPromise = z.object({ id: z.string(), customer: z.string(), reasons: z.array(reason) });
export const riskImpact = z.object({
  open: z.number().int(),
  become_at_risk: z.array(impactPromise),
  stop_at_risk: z.array(impactPromise),
  stay_at_risk: z.number().int(),
});
export type RiskImpactView = z.output<typeof riskImpact>;

export const impactAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), impact: riskImpact }),
  z.object({ ok: z.literal(false), reason: z.enum(['invalid', 'conflict', 'empty']), message: z.string(), issues: z.array(editIssue) }),
]);
export type ImpactAnswer = z.output<typeof impactAnswer>;

const fieldChange = z.object({ column: z.string(), old: cell, new: cell });
const plainRow = z.record(z.string(), cell);
const rowChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), key: z.string(), row: plainRow }),
  z.object({ op: z.literal('remove'), key: z.string(), row: plainRow }),
  z.object({ op: z.literal('change'), key: z.string(), fields: z.array(fieldChange) }),
]);
export type RowChangeView = z.output<typeof rowChange>;

export const workbookIssue = z.object({ file: z.string(), sheet: z.string().optional(), line: z.number().int().nullable(), column: z.string().nullable(), reason: z.string() });
export type WorkbookIssueView = z.output<typeof workbookIssue>;

export const importPreview = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    token: z.string(),
    source: z.string(),
    format: z.enum(['csv', 'xlsx']),
    row_count: z.number().int(),
    base_version: z.string().nullable(),
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    tables: z.array(
      z.object({ table: tableName, added: z.number().int(), changed: z.number().int(), removed: z.number().int(), unchanged: z.number().int(), sample: z.array(rowChange) }),
    ),
    /** What importing it would do to the open promises. */
    impact: riskImpact,
  }),
  z.object({ ok: z.literal(false), issues: z.array(workbookIssue) }),
]);
export type ImportPreviewView = z.output<typeof importPreview>;

const b64 = z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const fileName = z.string().min(1).max(255);
export const workbookUpload = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('xlsx'), name: fileName, base64: b64 }),
  z.strictObject({ kind: z.literal('csv'), name: fileName, files: z.array(z.strictObject({ name: fileName, base64: b64 })).min(1).max(100) }),
]);

const exportChoice = z.strictObject({ what: z.enum(['tables', 'template']), format: z.enum(['xlsx', 'csv']) });
export const workbookDownload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('xlsx'), name: z.string(), base64: z.string() }),
  z.object({ kind: z.literal('csv'), name: z.string(), files: z.array(z.object({ name: z.string(), text: z.string() })) }),
]);

export const capacityPicture = z.object({
  as_of: dateStr,
  data_version: z.string(),
  dates: z.array(dateStr),
  /** Hours as integers of 1/10,000 h (exact); one number per date. */
  resources: z.array(
    z.object({
      resource_id: z.string(),
      name: z.string(),
      calendar_id: z.string(),
      calendar_e4: z.array(z.number().int()),
      load_e4: z.array(z.number().int()),
      held_regular_e4: z.array(z.number().int()),
      held_overtime_e4: z.array(z.number().int()),
      overtime_e4: z.array(z.number().int()),
    }),
  ),
  exceptions: z.array(z.object({ calendar_id: z.string(), date_from: dateStr, date_to: dateStr, hours: z.string(), note: z.string() })),
});
export type CapacityPictureView = z.output<typeof capacityPicture>;

export const cellHolder = z.object({
  id: z.string(),
  status: z.string(),
  customer: z.string(),
  at_risk: z.boolean(),
  regular_hours: z.string(),
  overtime_hours: z.string(),
  first_date: dateStr,
  last_date: dateStr,
});
export type CellHolderView = z.output<typeof cellHolder>;

const historyEntry = z.object({
  id: z.number().int(),
  change: changeSet,
  table: tableName,
  key: z.string(),
  op: z.enum(['add', 'change', 'remove']),
  row: plainRow.nullable(),
  fields: z.array(fieldChange).nullable(),
});
export type HistoryEntryView = z.output<typeof historyEntry>;

/** Undo a change from History: what it would do first, then the undo (issue #15). */
const revertRefused = z.object({ ok: z.literal(false), reason: z.enum(['not_found', 'refused', 'conflict']), message: z.string(), problems: z.array(z.string()) });
export const revertPreview = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), change: changeSet, base_version: z.string(), added: z.number().int(), changed: z.number().int(), removed: z.number().int(), impact: riskImpact }),
  revertRefused,
]);
export type RevertPreviewView = z.output<typeof revertPreview>;
export const revertAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), change: changeSet, revalidated: z.number().int(), at_risk: z.array(z.string()) }),
  revertRefused,
]);

const repromiseLine = z.object({ sku: z.string(), qty: z.number().int(), requested_date: dateStr, unit_price: z.string() });
export const atRiskPromise = z.object({
  id: z.string(),
  status: z.string(),
  customer: z.string(),
  region: z.string(),
  mode: z.enum(['standard', 'express']),
  created_by: z.string(),
  confirmed_at: z.string().nullable(),
  submitted_at: z.string().nullable(),
  reasons: z.array(reason),
  lines: z.array(repromiseLine),
});
export type AtRiskPromiseView = z.output<typeof atRiskPromise>;

const promiseId = z.string().min(1).max(32);
/** Lines of a re-promise: checked field by field by the engine, errors come back as issues. */
const newLines = z.array(z.unknown()).min(1, 'must have at least one line').max(100);

export const repromiseAnswer = z.discriminatedUnion('confirmed', [
  /** `confirmed` names that the old promise was replaced; `status` says whether the new one is confirmed or awaits approval. */
  z.object({ confirmed: z.literal(true), id: z.string(), replaces: z.string(), result: checkResult, status: z.enum(['confirmed', 'awaiting_approval']) }),
  z.object({ confirmed: z.literal(false), result: checkResult.nullable(), issues: z.array(z.object({ path: z.string(), message: z.string() })), message: z.string() }),
]);
export type RepromiseAnswer = z.output<typeof repromiseAnswer>;

export const operationsContract = {
  'tables:load': { input: nothing, output: tablesData },
  /** What saving these edits would do to the open promises; nothing is written. */
  'tables:impact': { input: z.strictObject({ base_version: z.string().min(1).max(100), edits: z.array(tableEdits).min(1).max(TABLE_NAMES.length) }), output: impactAnswer },
  'tables:save': { input: z.strictObject({ base_version: z.string().min(1).max(100), edits: z.array(tableEdits).min(1).max(TABLE_NAMES.length) }), output: saveAnswer },
  /** Bytes of a workbook chosen in the window (a file input, or dropped). */
  'workbook:preview': { input: workbookUpload, output: importPreview },
  /** The desktop app's open dialog, in the main process; `null` when cancelled. */
  'workbook:choose': { input: z.strictObject({ kind: z.enum(['xlsx', 'csv']) }), output: importPreview.nullable() },
  'workbook:apply': { input: z.strictObject({ token: z.string().min(1).max(100), asOf }), output: z.object({ data_version: z.string(), revalidated: z.number().int(), at_risk: z.array(z.string()) }) },
  'workbook:download': { input: exportChoice, output: workbookDownload },
  /** The desktop app's save dialog: writes there; `null` when cancelled. */
  'workbook:save': { input: exportChoice, output: z.object({ path: z.string(), files: z.number().int() }).nullable() },
  'capacity:picture': { input: z.strictObject({ asOf }).optional(), output: capacityPicture },
  'capacity:holders': { input: z.strictObject({ resource_id: stringVia(identifier), from: date, to: date }), output: z.array(cellHolder) },
  'history:list': {
    input: z
      .strictObject({
        table: tableName.optional(),
        key: z.string().max(200).optional(),
        user: z.string().max(64).optional(),
        before_id: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .optional(),
    output: z.object({ entries: z.array(historyEntry), users: z.array(z.string()), changes: z.array(changeSet) }),
  },
  'undo:preview': { input: z.strictObject({ change_id: z.number().int().min(1) }), output: revertPreview },
  'undo:apply': { input: z.strictObject({ change_id: z.number().int().min(1), base_version: z.string().min(1).max(100) }), output: revertAnswer },
  'risk:list': { input: nothing, output: z.array(atRiskPromise) },
  'risk:count': { input: nothing, output: z.object({ count: z.number().int() }) },
  'risk:recheck': { input: z.strictObject({ id: promiseId, lines: newLines, asOf }), output: checkResult },
  /** `submit`: a new check that needs approval is submitted for it (otherwise refused with its reasons). */
  'risk:repromise': { input: z.strictObject({ id: promiseId, lines: newLines, asOf, comment: z.string().max(500).optional(), submit: z.boolean().optional() }), output: repromiseAnswer },
  'risk:cancel': { input: z.strictObject({ id: promiseId, comment: z.string().max(500).optional() }), output: z.object({ id: z.string(), status: z.string() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
