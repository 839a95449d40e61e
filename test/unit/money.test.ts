import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, e4ToString, fixed, formatE8, percentAtLeast, percentString, toE4 } from '../../shared/units/money';
import { addDays, isRealDate, toDay, weekdayIndex } from '../../shared/units/days';

describe('money', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-4n, 3n)).toBe(-1n);
    expect(formatE8(112345n * 10_000n)).toBe('11.23'); // 11.2345
    expect(formatE8(-112350000n * 10n)).toBe('-11.24'); // −11.235 → −11.24
    expect(formatE8(-4n)).toBe('0.00');
  });
  it('shows percentages with two decimals, exactly', () => {
    expect(percentString(330n, 1600n)).toBe('20.63'); // 20.625
    expect(percentString(-12345n, 100000n)).toBe('-12.35'); // −12.345
    expect(percentAtLeast(330n, 1600n, toE4BigOf('20.625'))).toBe(true);
    expect(percentAtLeast(330n, 1600n, toE4BigOf('20.6251'))).toBe(false);
  });
  it('converts decimals without floating point', () => {
    expect(toE4('7.5')).toBe(75_000);
    expect(toE4('0.0001')).toBe(1);
    expect(toE4('-12.25')).toBe(-122_500);
    expect(e4ToString(75_000)).toBe('7.5');
    expect(e4ToString(-1)).toBe('-0.0001');
    expect(fixed(5n, 2)).toBe('0.05');
  });
  it('writes hours back as the decimals they were read from, whole, nothing and negative ones too', () => {
    expect(e4ToString(0)).toBe('0');
    expect(e4ToString(-0)).toBe('0');
    expect(e4ToString(80_000)).toBe('8');
    expect(e4ToString(-80_000)).toBe('-8');
    expect(e4ToString(10_005)).toBe('1.0005');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (v) => {
        const text = e4ToString(v);
        expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        expect(toE4(text)).toBe(v);
      }),
      { seed: 20261206 },
    );
  });
});

describe('days', () => {
  it('knows real calendar dates', () => {
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayIndex(toDay('2026-03-02'))).toBe(0); // a Monday
    expect(weekdayIndex(toDay('2026-03-08'))).toBe(6); // a Sunday
  });
});

function toE4BigOf(s: string): bigint {
  return BigInt(toE4(s));
}
