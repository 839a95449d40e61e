/**
 * The IPC contract: one map from channel name (`domain:verb`) to its input and output schemas.
 *
 * The main process parses every payload against `input` before a handler runs; the preload lets
 * only these channel names through; the renderer derives its types from this map. Adding a
 * channel is one entry here plus its handler in `main/handlers/index.ts` (the compiler asks for
 * it). Every answer is a `Result`: `{ ok: true, value }` or `{ ok: false, error }`, never a stack.
 */
import { z } from 'zod';
import { connectionContract } from './contract-connection';
import { asOf, date, dateStr, nothing, stringVia } from './contract-fields';
import { operationsContract } from './contract-operations';
import { promisesContract } from './contract-promises';
import { checkResult } from './schemas/check';
import { identifier } from './schemas/fields';
import { MODES } from './schemas/tables/lanes';
import { SUPPLY_KINDS } from './schemas/tables/products';

/** Hours as exact decimal strings ("7.5"), never binary floating point. */
const hours = z.string().regex(/^-?\d+(\.\d+)?$/);

/** The longest range `capacity:around` answers, so one call cannot ask for years of days. */
export const CAPACITY_MAX_DAYS = 120;

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` in the desktop app, `web` in the browser preview, `team` in a browser on a team server. */
  runtime: z.enum(['electron', 'web', 'team']),
  /** The database file in use (shown so people know where their data is). */
  database: z.string(),
  /** The desktop app on a team server: which one, and whether it answered the last call. */
  team: z.object({ url: z.string(), reachable: z.boolean() }).nullable().optional(),
});
export type AppInfo = z.output<typeof appInfo>;

export const plantSummary = z.object({
  as_of: dateStr,
  data_version: z.string(),
  currency: z.string(),
  policy: z.object({
    currency: z.string(),
    default_min_margin_pct: z.string(),
    max_discount_pct: z.string(),
    horizon_days: z.number().int(),
    hold_days: z.number().int(),
  }),
  /** Every product; `list_price` null means not for sale (components). */
  products: z.array(
    z.object({ sku: z.string(), name: z.string(), unit: z.string(), list_price: z.string().nullable(), supply: z.enum(SUPPLY_KINDS) }),
  ),
  regions: z.array(z.object({ region: z.string(), modes: z.array(z.enum(MODES)) })),
  resources: z.array(z.object({ resource_id: z.string(), name: z.string() })),
});
export type PlantSummary = z.output<typeof plantSummary>;

export const capacityDay = z.object({
  date: dateStr,
  /** Regular hours of the resource's calendar on that day, exceptions included. */
  calendar_hours: hours,
  /** Hours booked outside the application (`resource_load`). */
  load_hours: hours,
  /** Regular and overtime hours held by promises. */
  held_hours: hours,
  /** Overtime hours still free that day (0 on days the calendar is closed). */
  overtime_hours_available: hours,
});
export type CapacityDay = z.output<typeof capacityDay>;

export const capacityAround = z.object({
  resources: z.array(z.object({ resource_id: z.string(), name: z.string(), days: z.array(capacityDay) })),
});
export type CapacityAround = z.output<typeof capacityAround>;

const capacityInput = z
  .strictObject({ resource_ids: z.array(stringVia(identifier)).min(1, 'must name at least one resource').max(20), from: date, to: date, asOf })
  .superRefine((v, ctx) => {
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${v.from})` });
    else if (days >= CAPACITY_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be less than ${CAPACITY_MAX_DAYS} days after from` });
  });

export const contract = {
  'app:info': { input: nothing, output: appInfo },
  'plant:summary': { input: z.strictObject({ asOf }).optional(), output: plantSummary },
  /** `request` is checked field by field by the engine; its errors come back as `invalid_request`. */
  'check:run': { input: z.strictObject({ request: z.unknown(), asOf }), output: checkResult },
  'capacity:around': { input: capacityInput, output: capacityAround },
  /** Tables, workbook import/export, capacity picture, history, at risk: contract-operations.ts. */
  ...operationsContract,
  /** Sign-in, users, the life of a promise, approvals, signed summaries: contract-promises.ts. */
  ...promisesContract,
  /** The desktop app's choice: this computer or a team server: contract-connection.ts. */
  ...connectionContract,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends on a channel. */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export const ERROR_CODES = [
  /** The payload does not match the channel's input schema. */
  'bad_input',
  /** The check request has field errors (unknown sku, date before as-of…); see `issues`. */
  'invalid_request',
  'unknown_channel',
  /** The caller is not our own page, or the signed-in user's role may not do this. */
  'forbidden',
  /** Users exist and nobody is signed in (or the session ended): sign in first. */
  'unauthenticated',
  /** A people rule refused it (a name taken, the last admin, a wrong current passphrase…). */
  'refused',
  /** No plant data yet, or the store cannot be opened. */
  'unavailable',
  'not_found',
  /** Anything unexpected; the details stay in the main process's log. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const issue = z.object({ path: z.string(), message: z.string() });
export type Issue = z.output<typeof issue>;
export const appError = z.object({ code: z.enum(ERROR_CODES), message: z.string(), issues: z.array(issue).optional() });
export type AppError = z.output<typeof appError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
export type ChannelResult<C extends Channel> = Result<Output<C>>;

/** What the preload exposes as `window.promiseDesk` (and what the browser preview imitates). */
export interface PromiseDeskBridge {
  invoke<C extends Channel>(channel: C, payload?: Input<C>): Promise<ChannelResult<C>>;
  /** Called when anyone changed promises, tables or users (a team server's events included); returns a stop function. */
  onChange?(f: () => void): () => void;
}

const makeResultSchema = <C extends Channel>(channel: C) => z.union([z.object({ ok: z.literal(true), value: contract[channel].output }), z.object({ ok: z.literal(false), error: appError })]);
const resultSchemas = new Map<Channel, ReturnType<typeof makeResultSchema>>();

/**
 * The schema of a channel's whole answer, for callers that parse what comes back. Made once per
 * channel: zod compiles a schema on its first parse, and a client that made one per call spent
 * about a millisecond a call doing so.
 */
export function resultSchema<C extends Channel>(channel: C): ReturnType<typeof makeResultSchema<C>> {
  let s = resultSchemas.get(channel);
  if (!s) resultSchemas.set(channel, (s = makeResultSchema(channel)));
  return s;
}

/** `lines[0].sku` from zod's `['lines', 0, 'sku']`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** Turns zod issues into `{ path, message }`, the one shape errors reach the renderer in. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}
