/** The check screen's form rules, without a browser. */
import { describe, expect, it, vi } from 'vitest';
import { applyAlternative, buildRequest, chooseProduct, discountPct, fieldOf, isCheckable, newLine, toRequest, type Draft } from '../../renderer/quote/check-draft';
import { localeMarks } from '../../renderer/quote/locale-number';
import { httpApi } from '../../renderer/api';
import { TOKEN_HEADER } from '../../shared/http-headers';
import { FAKE_SUMMARY } from '../fakes/fake-backend';

const draft = (): Draft => ({
  customer: 'Acme',
  region: 'DE',
  mode: 'standard',
  lines: [
    { ...newLine('2026-03-20', 'a'), sku: 'PUMP-100', qty: '300', unit_price: '110', priceEdited: true },
    { ...newLine('2026-03-25', 'b'), sku: 'VALVE-7', qty: '5', unit_price: '12.5' },
  ],
});

describe('the request a draft becomes', () => {
  const en = localeMarks('en-GB');
  const de = localeMarks('de-DE');

  it('sends whole quantities as JSON integers and prices as exact decimals, read in the locale', () => {
    const d = draft();
    d.lines[0]!.qty = '1.000';
    d.lines[0]!.unit_price = '1.395,50';
    expect(toRequest(d, FAKE_SUMMARY, de)).toEqual({
      customer: 'Acme',
      region: 'DE',
      mode: 'standard',
      lines: [
        { sku: 'PUMP-100', qty: 1000, requested_date: '2026-03-20', unit_price: '1395.50' },
        { sku: 'VALVE-7', qty: 5, requested_date: '2026-03-25', unit_price: '12.5' },
      ],
    });
    expect(isCheckable({ ...d, lines: [newLine('2026-03-20')] })).toBe(false);
  });

  it('checks the complete lines while another is unfinished, and says what the unfinished one needs', () => {
    const d = draft();
    d.customer = '';
    d.lines.splice(1, 0, { ...newLine('2026-03-22', 'c'), sku: 'VALVE-7', qty: '', unit_price: '' });
    d.lines[2]!.qty = '2.5';
    const b = buildRequest(d, FAKE_SUMMARY, en);
    expect(b.request).toEqual({ customer: '', region: 'DE', mode: 'standard', lines: [{ sku: 'PUMP-100', qty: 300, requested_date: '2026-03-20', unit_price: '110' }] });
    expect(b.sent).toEqual([0]);
    expect(b.needs.get('c')).toEqual({ missing: ['a quantity', 'a unit price'], errors: {} });
    expect(b.needs.get('b')!.errors.qty).toBe('Type a whole number of pcs, e.g. 20.');
    expect(toRequest(d, FAKE_SUMMARY, en)).toBeNull();
    const wrong = buildRequest({ ...d, lines: [{ ...newLine('2026-01-01', 'x'), sku: 'MOTOR-A', qty: '1', unit_price: '0' }] }, FAKE_SUMMARY, en);
    expect(wrong.request).toBeNull();
    expect(wrong.needs.get('x')!.errors).toEqual({
      sku: 'MOTOR-A is not for sale (it has no list price): choose another product.',
      requested_date: `Choose a delivery date on or after ${FAKE_SUMMARY.as_of}: deliveries cannot be planned in the past.`,
      unit_price: 'The unit price must be more than zero. Type a price like 1,395.50.',
    });
  });

  it('prefills the list price unless the user typed one', () => {
    expect(chooseProduct(newLine('2026-03-20'), 'VALVE-7', FAKE_SUMMARY).unit_price).toBe('12.5');
    expect(chooseProduct({ ...newLine('2026-03-20'), unit_price: '11', priceEdited: true }, 'VALVE-7', FAKE_SUMMARY).unit_price).toBe('11');
    expect(chooseProduct(newLine('2026-03-20'), 'NOPE', FAKE_SUMMARY).unit_price).toBe('');
  });
});

describe('alternatives applied to a line', () => {
  it('later date moves the line', () => {
    const d = applyAlternative(draft(), 0, { kind: 'later_date', deliveries: [{ date: '2026-03-27', qty: 300 }], message: '' });
    expect(d.lines.map((l) => [l.qty, l.requested_date])).toEqual([['300', '2026-03-27'], ['5', '2026-03-25']]);
  });

  it('partial splits the line in place, keeping product and price', () => {
    const d = applyAlternative(draft(), 0, { kind: 'partial', deliveries: [{ date: '2026-03-20', qty: 120 }, { date: '2026-03-27', qty: 180 }], message: '' });
    expect(d.lines.map((l) => [l.sku, l.qty, l.requested_date, l.unit_price])).toEqual([
      ['PUMP-100', '120', '2026-03-20', '110'],
      ['PUMP-100', '180', '2026-03-27', '110'],
      ['VALVE-7', '5', '2026-03-25', '12.5'],
    ]);
    expect(d.lines[0]!.id).toBe('a');
    expect(new Set(d.lines.map((l) => l.id)).size).toBe(3);
  });

  it('fastest plan sets the date and never the mode (the express plan is chosen by its date)', () => {
    const overtime = applyAlternative(draft(), 1, { kind: 'fastest_plan', plan: 'overtime', mode: 'standard', deliveries: [{ date: '2026-03-26', qty: 5 }], message: '' });
    expect([overtime.mode, overtime.lines[1]!.requested_date]).toEqual(['standard', '2026-03-26']);
    const express = applyAlternative(draft(), 0, { kind: 'fastest_plan', plan: 'express', mode: 'express', deliveries: [{ date: '2026-03-23', qty: 300 }], message: '' });
    expect([express.mode, express.lines[0]!.requested_date]).toEqual(['standard', '2026-03-23']);
  });
});

describe('discount shown while typing', () => {
  it.each([
    ['120', '108', '10.00'],
    ['120', '120', '0.00'],
    ['3', '2', '33.33'],
    ['3', '1', '66.67'],
    ['100', '100.005', '-0.01'],
    ['12.5', '12.4999', '0.00'],
    ['120', 'abc', null],
    [null, '10', null],
  ])('list %s, price %s → %s', (list, price, pct) => {
    expect(discountPct(list, price)).toBe(pct);
  });
});

describe('issue paths to fields', () => {
  it('maps engine paths to the fields on screen', () => {
    const d = draft();
    expect(fieldOf('lines[1].sku', d)).toBe('b:sku');
    expect(fieldOf('lines[0].requested_date', d)).toBe('a:requested_date');
    expect(fieldOf('lines[5].qty', d)).toBe('lines');
    expect(fieldOf('lines', d)).toBe('lines');
    expect(fieldOf('customer', d)).toBe('customer');
    expect(fieldOf('request', d)).toBeNull();
  });
});

describe('the preview client', () => {
  it('posts JSON with the token header and turns network failures into a Result', async () => {
    const fetchFn = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 1 })));
    const api = httpApi('tok123', fetchFn);
    await expect(api.call('app:info')).resolves.toEqual({ ok: true, value: 1 });
    expect(fetchFn).toHaveBeenCalledWith('/api/app:info', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ [TOKEN_HEADER]: 'tok123' }) }));
    const down = httpApi('t', async () => { throw new TypeError('fetch failed'); });
    await expect(down.call('app:info')).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
