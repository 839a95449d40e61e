import { describe, expect, it } from 'vitest';
import { decimal, identifier, isoDate, text, wholeNumber } from '../../shared/schemas/fields';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('cell schemas', () => {
  it('read CSV text and xlsx values to the same canonical value', () => {
    expect(decimal().parse('7.50')).toBe('7.5');
    expect(decimal().parse(7.5)).toBe('7.5');
    expect(wholeNumber().parse('12')).toBe(12);
    expect(wholeNumber().parse(12)).toBe(12);
    expect(isoDate.parse(new Date(Date.UTC(2026, 2, 2)))).toBe('2026-03-02');
  });
  it('say what is wrong', () => {
    expect(message(decimal({ places: 4 }).safeParse('1.23456'))).toBe('must have at most 4 decimals, got 1.23456');
    expect(message(wholeNumber().safeParse('2.5'))).toBe('must be a whole number, got "2.5"');
    expect(message(isoDate.safeParse('2026-02-30'))).toBe('2026-02-30 is not a real calendar date');
    expect(message(identifier.safeParse(' M8'))).toBe('must not start or end with a space');
    expect(message(decimal({ max: '24' }).safeParse('24.5'))).toBe('must be at most 24, got 24.5');
  });
  it('refuse control characters, which a spreadsheet cannot keep, but not tabs and line breaks', () => {
    expect(message(text().safeParse('bell\u0007'))).toBe('must not contain control characters');
    expect(message(text().safeParse('cr\r'))).toBe('must not contain control characters');
    expect(message(identifier.safeParse('M\u00008'))).toBe('must not contain control characters');
    expect(text().parse('two\nlines\tand a tab')).toBe('two\nlines\tand a tab');
  });
});
