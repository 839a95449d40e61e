/**
 * Cell-level schemas shared by the workbook importer, the table grid and the check request.
 *
 * A workbook cell arrives as a string (CSV), a number or a Date (xlsx) or `null`/`''` (empty).
 * Each field schema accepts those and yields one canonical value, so that the same row read from
 * CSV or from xlsx is identical. Decimals stay decimal *strings* in canonical form ("7.5", not
 * "7.50" or 7.5): they are exact, and the engine turns them into scaled integers where it counts.
 */
import { z } from 'zod';
import { isRealDate } from '../units/days';

const EMPTY = new Set(['', null, undefined]);

/**
 * A cell's check: its one canonical value, each problem said through `issue` (a value returned
 * after an issue is never used).
 */
type CellCheck<T> = (v: unknown, issue: (message: string) => void) => T;

// The check behind each schema `cell` made, so that `required` and `withDefault` call it directly
// instead of a schema's parse inside another's for every cell: the ×10 plant's 400,000 rows parsed
// back at start in 567 ms instead of 659 (issue #15, speed); an import validates the same way.
const cellChecks = new WeakMap<z.ZodType, CellCheck<unknown>>();

/** A cell's schema from its check (any value in; the canonical value, or the issues, out). */
function cell<T>(check: CellCheck<T>) {
  const schema = z.unknown().transform((v, ctx): T => check(v, (message) => ctx.addIssue({ code: 'custom', message })));
  cellChecks.set(schema, check);
  return schema;
}

/** The check of a schema `cell` made; of any other schema, one through its own parse. */
function cellCheckOf<T extends z.ZodType>(schema: T): CellCheck<z.output<T>> {
  const check = cellChecks.get(schema) as CellCheck<z.output<T>> | undefined;
  if (check) return check;
  return (v, issue) => {
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    for (const i of r.error.issues) issue(i.message);
    return z.NEVER;
  };
}

/** Digits before the decimal point a number may have (`workbook.md`); more is an error, never a later failure. */
export const MAX_INT_DIGITS = 12;

/** Bidirectional marks, embeddings, overrides and isolates: they show text in another order than it is stored. */
export const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** A surrogate without its pair: no UTF-8 file or signature can hold it. */
export const LONE_SURROGATE = /\p{Cs}/u;

/** A value shown in a message, cut to a readable length (a 50 MB cell is not repeated whole). */
export function cutValue(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}… (${s.length.toLocaleString('en')} characters)` : s;
}

/** Turns a JS number into a plain decimal string, refusing exponents and non-finite values. */
export function numberToDecimalString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  return /e/i.test(s) ? null : s;
}

/** Canonical form of a decimal string: no `+`, no leading zeros, no trailing fractional zeros. */
export function canonicalDecimal(s: string): string {
  const neg = s.startsWith('-');
  let body = neg ? s.slice(1) : s.startsWith('+') ? s.slice(1) : s;
  let [int = '0', frac = ''] = body.split('.');
  int = int.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  body = frac ? `${int}.${frac}` : int;
  return neg && body !== '0' ? `-${body}` : body;
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToDecimalString(v);
  return null;
}

/** Identifier: 1–64 characters, case-sensitive, no leading or trailing spaces. */
export const identifier = cell((v, issue): string => {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || s.length === 0) {
    issue('is required');
    return z.NEVER;
  }
  if (s.length > 64) issue('must be at most 64 characters');
  else if (s.trim() !== s) issue('must not start or end with a space');
  else if (CONTROL.test(s)) issue('must not contain control characters');
  else if (BIDI.test(s)) issue('must not contain bidirectional-override characters');
  else if (LONE_SURROGATE.test(s)) issue('must not contain unpaired surrogates');
  return s;
});

/** Free text (names, notes). */
export const text = (max = 200) =>
  cell((v, issue) => {
    const s = typeof v === 'number' ? String(v) : v;
    if (typeof s !== 'string') {
      issue('must be text');
      return z.NEVER;
    }
    if (s.length > max) issue(`must be at most ${max} characters`);
    // Control characters (other than tab and line feed) do not survive a spreadsheet round trip.
    else if (CONTROL.test(s)) issue('must not contain control characters');
    else if (LONE_SURROGATE.test(s)) issue('must not contain unpaired surrogates');
    return s;
  });

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** How every date is written (`YYYY-MM-DD`): the one pattern of a date string. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A date string as stored and sent (the shape only; `isoDate` also checks the calendar). */
export const dateStr = z.string().regex(DAY_PATTERN);

/** Calendar date `YYYY-MM-DD`; an xlsx date cell (a Date at UTC midnight) is accepted too. */
export const isoDate = cell((v, issue) => {
  let s: unknown = v;
  if (v instanceof Date && !Number.isNaN(v.getTime())) s = v.toISOString().slice(0, 10);
  if (typeof s !== 'string' || !DAY_PATTERN.test(s)) {
    issue(`must be a date written YYYY-MM-DD, got ${show(v)}`);
    return z.NEVER;
  }
  if (!isRealDate(s)) {
    issue(`${s} is not a real calendar date`);
    return z.NEVER;
  }
  return s;
});

/** Non-negative whole number (quantities). `positive` excludes 0. */
export const wholeNumber = (opts: { positive?: boolean; max?: number } = {}) =>
  cell((v, issue) => {
    const s = asText(v);
    if (s === null || !/^\d+$/.test(s.trim()) || s.trim() !== s) {
      issue(`must be a whole number, got ${show(v)}`);
      return z.NEVER;
    }
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n > (opts.max ?? 1e12)) {
      issue(`is too large (${cutValue(s)})`);
      return z.NEVER;
    }
    if (opts.positive && n === 0) {
      issue('must be greater than 0');
      return z.NEVER;
    }
    return n;
  });

/**
 * Decimal with at most `places` decimals, as a canonical string.
 * `min`/`max` are inclusive bounds compared exactly (as scaled integers); `positive` excludes 0.
 */
export const decimal = (opts: { places?: number; min?: string; max?: string; positive?: boolean; signed?: boolean } = {}) => {
  const places = opts.places ?? 4;
  const re = opts.signed ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/;
  // Bounds as scaled integers once, not per cell; most columns have none but "not negative".
  const min = opts.min === undefined ? null : toScaled(opts.min, places);
  const max = opts.max === undefined ? null : toScaled(opts.max, places);
  const bounded = opts.positive || min !== null || max !== null;
  return cell((v, issue) => {
    const s = asText(v);
    if (s === null || !re.test(s)) {
      issue(`must be a ${opts.signed ? '' : 'non-negative '}number, got ${show(v)}`);
      return z.NEVER;
    }
    const [int = '', frac = ''] = s.replace(/^-/, '').split('.');
    if (int.replace(/^0+(?=\d)/, '').length > MAX_INT_DIGITS) {
      issue(`must have at most ${MAX_INT_DIGITS} digits before the decimal point, got ${cutValue(s, 24)}`);
      return z.NEVER;
    }
    if (frac.replace(/0+$/, '').length > places) {
      issue(`must have at most ${places} decimals, got ${cutValue(s, 24)}`);
      return z.NEVER;
    }
    const c = canonicalDecimal(s);
    if (!bounded) return c;
    const scaled = toScaled(c, places);
    if (opts.positive && scaled <= 0n) issue('must be greater than 0');
    if (min !== null && scaled < min) issue(`must be at least ${opts.min}, got ${c}`);
    if (max !== null && scaled > max) issue(`must be at most ${opts.max}, got ${c}`);
    return c;
  });
};

/** A column that has a default: empty cells become `null` ("use the default"), kept as such on export. */
export function withDefault<T extends z.ZodType>(schema: T) {
  const check = cellCheckOf(schema);
  return cell((v, issue): z.output<T> | null => (EMPTY.has(v as string | null | undefined) ? null : check(v, issue)));
}

/** A required column: an empty cell is an error. */
export function required<T extends z.ZodType>(schema: T) {
  const check = cellCheckOf(schema);
  return cell((v, issue): z.output<T> => {
    if (EMPTY.has(v as string | null | undefined)) {
      issue('is required');
      return z.NEVER;
    }
    return check(v, issue);
  });
}

/** `min` ≤ value ≤ `max`, exactly, for canonical decimal strings. */
export function toScaled(decimalString: string, places: number): bigint {
  const neg = decimalString.startsWith('-');
  const body = neg ? decimalString.slice(1) : decimalString;
  const [int = '0', frac = ''] = body.split('.');
  const v = BigInt(int + frac.padEnd(places, '0').slice(0, places));
  return neg ? -v : v;
}

export function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'nothing';
  if (v instanceof Date) return v.toISOString();
  return cutValue(JSON.stringify(v) ?? String(v));
}

/** One of a fixed set of words, e.g. `make` or `buy`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return cell((v, issue): T[number] => {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v;
    issue(`must be ${values.map((x) => `\`${x}\``).join(' or ')}, got ${show(v)}`);
    return z.NEVER;
  });
}
