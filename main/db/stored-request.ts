/**
 * A stored check request read back. The store writes a request as the shared schema gave it, so
 * one that is plainly in that form (every field present and already canonical: printable ASCII
 * identifiers, a positive whole qty, a real date, a canonical price) is taken as it is, in the
 * schema's own field order; anything else returns null and goes through the schema, which says
 * what is wrong. Replanning reads every open request (20,000 on the big plant): the schema for
 * each took a quarter of a second (issue #15, speed). A property test holds this to the schema.
 */
import type { CheckRequest, RequestLine } from '../../shared/schemas/check';
import { MAX_LINES } from '../../shared/schemas/check';
import { BIDI, DAY_PATTERN, LONE_SURROGATE } from '../../shared/schemas/fields';
import { isRealDate } from '../../shared/units/days';

/** 1–64 printable ASCII characters, no space at either end: an identifier the schema keeps as it is. */
const PLAIN_ID = /^[\x21-\x7E](?:[\x20-\x7E]{0,62}[\x21-\x7E])?$/;
/** A positive decimal in the schema's canonical form: no leading or trailing zeros, ≤ 12 + 4 digits. */
const PLAIN_PRICE = /^(?:0|[1-9]\d{0,11})(?:\.\d{0,3}[1-9])?$/;
const CONTROL = /\p{Cc}/u;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasExactly = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));
/** Its fields in the schema's order (as the store wrote them): then it is kept rather than copied. */
function inOrder(o: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.every((k, i) => k === keys[i]);
}
const plainId = (v: unknown): v is string => typeof v === 'string' && PLAIN_ID.test(v);

const REQUEST_KEYS = ['customer', 'region', 'mode', 'lines'] as const;
const LINE_KEYS = ['sku', 'qty', 'requested_date', 'unit_price'] as const;

function plainCustomer(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 200 && v.trim() === v && !CONTROL.test(v) && !BIDI.test(v) && !LONE_SURROGATE.test(v);
}

function plainLine(v: unknown): RequestLine | null {
  if (!isRecord(v) || !hasExactly(v, LINE_KEYS)) return null;
  const { sku, qty, requested_date: date, unit_price: price } = v;
  if (!plainId(sku) || typeof qty !== 'number' || !Number.isSafeInteger(qty) || qty <= 0) return null;
  if (typeof date !== 'string' || !DAY_PATTERN.test(date) || !isRealDate(date)) return null;
  if (typeof price !== 'string' || price === '0' || !PLAIN_PRICE.test(price)) return null;
  return inOrder(v, LINE_KEYS) ? (v as RequestLine) : { sku, qty, requested_date: date, unit_price: price };
}

/** The request as the schema would give it, when `v` is plainly one it wrote; otherwise null. */
export function plainStoredRequest(v: unknown): CheckRequest | null {
  if (!isRecord(v) || !hasExactly(v, REQUEST_KEYS)) return null;
  const { customer, region, mode, lines } = v;
  if (!plainCustomer(customer) || !plainId(region) || (mode !== 'standard' && mode !== 'express')) return null;
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_LINES) return null;
  // Kept as parsed when nothing needed copying: 20,000 requests read for a replan live as long as it.
  let same = inOrder(v, REQUEST_KEYS);
  const out: RequestLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = plainLine(lines[i]);
    if (!line) return null;
    out[i] = line;
    same &&= line === lines[i];
  }
  return same ? (v as CheckRequest) : { customer, region, mode, lines: out };
}
