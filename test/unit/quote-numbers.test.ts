/** Numbers as people type them (renderer/quote/locale-number.ts): German, English, French and plain. */
import { describe, expect, it } from 'vitest';
import { localeMarks, parsePrice, parseWhole } from '../../renderer/quote/locale-number';

const de = localeMarks('de-DE');
const en = localeMarks('en-US');
const fr = localeMarks('fr-FR');

describe('prices', () => {
  it.each([
    [de, '1395,50', '1395.50'],
    [de, '1.395,50', '1395.50'],
    [de, '1395.50', '1395.50'],
    [de, '1.000', '1000'],
    [de, '12.345.678,1234', '12345678.1234'],
    [de, ' 0,5 ', '0.5'],
    [en, '1,395.50', '1395.50'],
    [en, '1395.50', '1395.50'],
    [en, '1,000', '1000'],
    [fr, '1 395,50', '1395.50'],
    [fr, '1\u202f395,50', '1395.50'],
    [fr, '1395.50', '1395.50'],
  ])('%o reads %s as %s', (marks, text, value) => {
    expect(parsePrice(text, marks)).toEqual({ ok: true, value });
  });

  it('says what to type, in the locale, when a price cannot be read', () => {
    expect(parsePrice('', de)).toEqual({ ok: false, message: 'The unit price is missing. Type a price like 1.395,50.' });
    expect(parsePrice('12,3,4', de)).toEqual({ ok: false, message: 'Type a price like 1.395,50.' });
    expect(parsePrice('1395,50', en)).toEqual({ ok: false, message: 'Type a price like 1,395.50.' });
    expect(parsePrice('1,23456', de)).toEqual({ ok: false, message: 'A price has at most 4 decimals. Type a price like 1.395,50.' });
    expect(parsePrice('0,00', de)).toEqual({ ok: false, message: 'The unit price must be more than zero. Type a price like 1.395,50.' });
    expect(parsePrice('-5', en).ok).toBe(false);
    expect(parsePrice('1e3', en).ok).toBe(false);
  });
});

describe('quantities', () => {
  it.each([
    [de, '1.000', 1000],
    [de, '20', 20],
    [de, '20,0', 20],
    [en, '1,000', 1000],
    [en, '1.000', 1],
    [fr, '1 000', 1000],
  ])('%o reads %s as %d', (marks, text, value) => {
    expect(parseWhole(text, marks, 'pcs')).toEqual({ ok: true, value });
  });

  it('asks for a whole number of the unit, in a sentence', () => {
    expect(parseWhole('2,5', de, 'pcs')).toEqual({ ok: false, message: 'Type a whole number of pcs, e.g. 20.' });
    expect(parseWhole('', de, 'sets')).toEqual({ ok: false, message: 'The quantity is missing. Type a whole number of sets, e.g. 20.' });
    expect(parseWhole('0', en)).toEqual({ ok: false, message: 'The quantity must be at least 1. Type a whole number of pieces, e.g. 20.' });
    expect(parseWhole('99999999999999999', en).ok).toBe(false);
    expect(parseWhole('ten', en).ok).toBe(false);
  });
});
