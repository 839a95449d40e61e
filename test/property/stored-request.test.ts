/**
 * Reading a stored request without the schema (main/db/stored-request.ts) is a shortcut: whatever
 * it takes as it is must be exactly what the schema gives for it, field order included, and
 * anything the schema refuses it must leave to the schema. Random request-like values, plain and
 * odd (padded, non-ASCII, bidi and control characters, prices not canonical, unknown fields).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainStoredRequest } from '../../main/db/stored-request';
import { parseStoredRequest } from '../../main/db/promise-rows';
import { checkRequest } from '../../shared/schemas/check';

const RUNS = { seed: 20261204, numRuns: 2000 };

/** Mostly plain values (the shortcut's case), sometimes odd ones (the schema's). */
const mostly = <T, U>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: plain, weight: 12 }, { arbitrary: odd, weight: 1 });
const id = mostly(fc.constantFrom('DE', 'FG-100', 'X', 'a b', 'a'.repeat(64)), fc.oneof(fc.constantFrom(' PAD', 'PAD ', 'Ünï', 'x\u202Ey', 'x\u0007y', 'x\ty', '\uD800', 'a'.repeat(65), '', 7), fc.string({ maxLength: 8 })));
const customer = mostly(fc.constantFrom('Acme GmbH', '', 'x'.repeat(200)), fc.oneof(fc.constantFrom(' Acme ', 'Müller & Söhne', 'a\u202Eb', 'bell\u0007', 'x'.repeat(201), null, 3), fc.string({ maxLength: 12 })));
const qty = mostly(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(0, -3, 2.5, '3', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1));
const date = mostly(
  fc.integer({ min: 0, max: 30_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-29', '2026-02-29', '2026-02-30', '2026-3-4', '2026-13-01', ' 2026-03-04', 'soon'),
);
const price = mostly(
  fc.tuple(fc.nat(99_999), fc.nat(9_999)).map(([a, b]) => (b ? `${a}.${String(b).padStart(4, '0')}`.replace(/0+$/, '') : String(a))),
  fc.constantFrom('12.40', '012', '0', '0.0', '0.00001', '1e3', '-1', '+5', '.5', '5.', '123456789012', '1234567890123', '123456789012.9999', 12.4, 3),
);
const mode = mostly(fc.constantFrom('standard', 'express'), fc.constantFrom('air', undefined));

const line = fc.record({ sku: id, qty, requested_date: date, unit_price: price }, { requiredKeys: ['sku', 'qty', 'requested_date', 'unit_price'] });
const oddLine = mostly(line, fc.oneof(line.map(({ sku, ...rest }) => ({ ...rest, sku })), line.map((l) => ({ ...l, colour: 'red' })), line.map(({ qty: _, ...rest }) => rest)));
const request = fc
  .tuple(customer, id, mode, fc.array(oddLine, { minLength: 1, maxLength: 3 }), mostly(fc.constant('plain'), fc.constantFrom('reordered', 'extra', 'missing')))
  .map(([c, region, m, lines, shape]) => {
    const r: Record<string, unknown> = { customer: c, region, mode: m, lines };
    if (shape === 'reordered') return { lines, mode: m, region, customer: c };
    if (shape === 'extra') return { ...r, note: 'x' };
    if (shape === 'missing') delete r.customer;
    return r;
  });

describe('a stored request read without the schema', () => {
  it('takes only what the schema accepts, and gives exactly what the schema gives', () => {
    let taken = 0;
    fc.assert(
      fc.property(request, (raw) => {
        const v: unknown = JSON.parse(JSON.stringify(raw));
        const fast = plainStoredRequest(v);
        const schema = checkRequest.safeParse(JSON.parse(JSON.stringify(raw)));
        if (fast === null) return;
        taken++;
        expect(schema.success).toBe(true);
        expect(fast).toStrictEqual(schema.data);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data));
      }),
      RUNS,
    );
    expect(taken).toBeGreaterThan(20); // the shortcut was exercised, not only refused
  });

  it('reads back every request the schema accepted, as the schema gave it', () => {
    fc.assert(
      fc.property(request, (raw) => {
        const schema = checkRequest.safeParse(JSON.parse(JSON.stringify(raw)));
        if (!schema.success) return;
        const text = JSON.stringify(schema.data);
        expect(parseStoredRequest('P-1', text)).toStrictEqual(schema.data);
        expect(JSON.stringify(parseStoredRequest('P-1', text))).toBe(text);
      }),
      RUNS,
    );
  });

  it('keeps a request written by the store as parsed, and refuses what the schema refuses', () => {
    const stored = { customer: 'Acme GmbH', region: 'DE', mode: 'standard', lines: [{ sku: 'FG-100', qty: 5, requested_date: '2026-03-04', unit_price: '12.4' }] };
    expect(plainStoredRequest(stored)).toBe(stored);
    expect(() => parseStoredRequest('P-1', JSON.stringify({ ...stored, lines: [] }))).toThrow(/request of P-1 that is not valid: lines/);
    expect(() => parseStoredRequest('P-1', '{"region":')).toThrow(/not JSON/);
  });
});
