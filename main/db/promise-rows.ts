/**
 * Promise rows as stored, and their parsing on the way back: JSON columns and hold rows go
 * through zod like any other input (`checkRequest`, `checkResult`, `reason` are the shared ones).
 */
import { z } from 'zod';
import { checkRequest, checkResult, reason, type CheckRequest } from '../../shared/schemas/check';
import { dateStr } from '../../shared/schemas/fields';
import type { HoldPacker } from '../../shared/engine/packed-holds';
import { hold, type Hold } from '../../shared/schemas/hold';
import { plainStoredRequest } from './stored-request';
import { PROMISE_STATUSES, type Approval, type PromiseEvent, type PromiseSummary } from './store-types';

const int = z.number().int();

export interface HoldSqlRow {
  promise_id: string;
  line: number;
  type: string;
  sku: string | null;
  resource_id: string | null;
  date: string;
  qty: number | null;
  use: string | null;
  regular_e4: number | null;
  overtime_e4: number | null;
}

/** Adds a hold's values to `into` in `HOLD_COLUMNS` order, as stored (the other kind's columns null). */
export function pushHoldColumns(into: unknown[], h: Hold): void {
  if (h.type === 'goods') into.push(h.line, 'goods', h.sku, null, h.date, h.qty, h.use, null, null);
  else into.push(h.line, 'hours', null, h.resource_id, h.date, null, null, h.regular_e4, h.overtime_e4);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * A hold row back as a `Hold`. Rows that are plainly what the `hold` schema accepts are taken as they
 * are; anything else goes through the schema, which says what is wrong. Replanning reads every
 * open hold (130,000 on the big plant): the schema for each took a quarter of a second.
 */
export function holdFromSql(r: Omit<HoldSqlRow, 'promise_id'>): Hold {
  if (count(r.line) && typeof r.date === 'string' && DATE.test(r.date)) {
    if (r.type === 'goods' && typeof r.sku === 'string' && count(r.qty) && (r.use === 'finished' || r.use === 'component'))
      return { type: 'goods', line: r.line, sku: r.sku, date: r.date, qty: r.qty, use: r.use };
    if (r.type === 'hours' && typeof r.resource_id === 'string' && count(r.regular_e4) && count(r.overtime_e4))
      return { type: 'hours', line: r.line, resource_id: r.resource_id, date: r.date, regular_e4: r.regular_e4, overtime_e4: r.overtime_e4 };
  }
  const raw =
    r.type === 'goods'
      ? { type: r.type, line: r.line, sku: r.sku, date: r.date, qty: r.qty, use: r.use }
      : { type: r.type, line: r.line, resource_id: r.resource_id, date: r.date, regular_e4: r.regular_e4, overtime_e4: r.overtime_e4 };
  return hold.parse(raw);
}

/** The hold columns in the order `holdFromColumns` reads them from a raw row. */
export const HOLD_COLUMNS = ['line', 'type', 'sku', 'resource_id', 'date', 'qty', 'use', 'regular_e4', 'overtime_e4'] as const;

/**
 * `holdFromSql` for a row read as an array (better-sqlite3's raw mode), its hold columns from
 * `at` on in `HOLD_COLUMNS` order: replanning reads 130,000 holds, and an object per row before
 * the hold itself was a third of that read (issue #15, speed).
 */
export function holdFromColumns(r: readonly unknown[], at: number, intern: (s: string) => string = (s) => s): Hold {
  const [line, type, sku, resourceId, date, qty, use, regular, overtime] = [r[at], r[at + 1], r[at + 2], r[at + 3], r[at + 4], r[at + 5], r[at + 6], r[at + 7], r[at + 8]];
  // Each row brings its own copy of every text; a hold keeps shared ones (`intern`, and literals).
  if (count(line) && typeof date === 'string' && DATE.test(date)) {
    if (type === 'goods' && typeof sku === 'string' && count(qty) && (use === 'finished' || use === 'component'))
      return { type: 'goods', line, sku: intern(sku), date: intern(date), qty, use: use === 'finished' ? 'finished' : 'component' };
    if (type === 'hours' && typeof resourceId === 'string' && count(regular) && count(overtime))
      return { type: 'hours', line, resource_id: intern(resourceId), date: intern(date), regular_e4: regular, overtime_e4: overtime };
  }
  const row = { line, type, sku, resource_id: resourceId, date, qty, use, regular_e4: regular, overtime_e4: overtime } as Omit<HoldSqlRow, 'promise_id'>;
  return holdFromSql(row);
}

/**
 * What a model takes of a hold row (`packModelColumns`), in this order: its kind worked out by
 * SQLite (1 goods, 2 hours, 0 neither), what it takes from, its date and amounts. Not the type and
 * use texts or the line: a model takes none of them, and each was a value made for every one of the
 * ×10 plant's 1.3 million rows at start (the scan 0.84 → 0.65 s without them).
 */
export const MODEL_HOLD_COLUMNS = ["CASE type WHEN 'goods' THEN 1 WHEN 'hours' THEN 2 ELSE 0 END", 'sku', 'resource_id', 'date', 'qty', 'regular_e4', 'overtime_e4'] as const;

/**
 * A raw row's `MODEL_HOLD_COLUMNS` from `at` on into `packer`, checked as `holdFromColumns` checks
 * what a model takes. Anything else is read again whole (`whole`: its `HOLD_COLUMNS`) for the schema
 * to say what is wrong.
 */
export function packModelColumns(r: readonly unknown[], at: number, packer: HoldPacker, whole: (r: readonly unknown[]) => unknown[]): void {
  const date = r[at + 3];
  if (typeof date === 'string' && DATE.test(date)) {
    const kind = r[at];
    const key = r[kind === 1 ? at + 1 : at + 2];
    const a = r[kind === 1 ? at + 4 : at + 5];
    const b = r[at + 6];
    if (kind === 1 && typeof key === 'string' && count(a)) return packer.goods(key, date, a);
    if (kind === 2 && typeof key === 'string' && count(a) && count(b)) return packer.hours(key, date, a, b);
  }
  packer.add(holdFromColumns(whole(r), 0));
}

const promiseRowSchema = z.object({
  id: z.string(),
  status: z.enum(PROMISE_STATUSES),
  customer: z.string(),
  region: z.string(),
  mode: z.enum(['standard', 'express']),
  as_of: dateStr,
  data_version: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  submitted_at: z.string().nullable(),
  confirmed_at: z.string().nullable(),
  hold_expires_at: z.string().nullable(),
  at_risk: z.union([z.literal(0), z.literal(1)]),
  risk_reasons_json: z.string(),
  order_seq: int.nullable(),
});

function jsonOf(what: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`The database holds ${what} that is not JSON`);
  }
}

function checked<T>(what: string, v: unknown, schema: z.ZodType<T>): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new Error(`The database holds ${what} that is not valid: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
  return r.data;
}

export function parseJsonColumn<T>(what: string, text: string, schema: z.ZodType<T>): T {
  return checked(what, jsonOf(what, text), schema);
}

/**
 * `parseJsonColumn` for a list of strings: taken as it is when every item plainly passes `plain`
 * (a test at most as wide as the schema, which keeps such strings as they are), else the schema says
 * what is wrong. Replanning reads two such lists of each of 20,000 promises (issue #15, speed).
 */
export function parseJsonList<T extends string>(what: string, text: string, plain: (s: string) => boolean, schema: z.ZodType<T[]>): T[] {
  const v = jsonOf(what, text);
  if (Array.isArray(v) && v.every((s) => typeof s === 'string' && plain(s))) return v as T[];
  return checked(what, v, schema);
}

export const SUMMARY_COLUMNS =
  'id, status, customer, region, mode, as_of, data_version, created_at, created_by, submitted_at, confirmed_at, hold_expires_at, at_risk, risk_reasons_json, order_seq';

export function summaryFromSql(row: unknown): PromiseSummary {
  const r = promiseRowSchema.parse(row);
  return {
    id: r.id,
    status: r.status,
    customer: r.customer,
    region: r.region,
    mode: r.mode,
    asOf: r.as_of,
    dataVersion: r.data_version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    submittedAt: r.submitted_at,
    confirmedAt: r.confirmed_at,
    holdExpiresAt: r.hold_expires_at,
    atRisk: r.at_risk === 1,
    riskReasons: parseJsonColumn(`the risk reasons of ${r.id}`, r.risk_reasons_json, z.array(reason)),
    orderSeq: r.order_seq,
  };
}

/** A stored request; one plainly as the schema wrote it is taken without the schema (stored-request.ts). */
export function parseStoredRequest(id: string, text: string): CheckRequest {
  const what = `the request of ${id}`;
  const v = jsonOf(what, text);
  return plainStoredRequest(v) ?? checked(what, v, checkRequest);
}
export const parseStoredReasons = (id: string, text: string) => parseJsonColumn(`the risk reasons of ${id}`, text, z.array(reason));
export const parseStoredResult = (id: string, text: string) => parseJsonColumn(`the check result of ${id}`, text, checkResult);

const eventSchema = z.object({
  at: z.string(),
  user: z.string(),
  from_status: z.enum(PROMISE_STATUSES).nullable(),
  to_status: z.enum(PROMISE_STATUSES),
  comment: z.string().nullable(),
});
export function eventFromSql(row: unknown): PromiseEvent {
  const r = eventSchema.parse(row);
  return { at: r.at, user: r.user, from: r.from_status, to: r.to_status, comment: r.comment };
}

const approvalSchema = z.object({
  role: z.string(),
  approved_by: z.string(),
  at: z.string(),
  comment: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']),
});
export function approvalFromSql(row: unknown): Approval {
  const r = approvalSchema.parse(row);
  return { role: r.role, approvedBy: r.approved_by, at: r.at, comment: r.comment, decision: r.decision };
}
