/**
 * Exact decimal arithmetic for hours, money and percentages.
 *
 * Workbook decimals have at most 4 places, so hours, prices and percents become integers of
 * 1/10,000 ("e4"). A product of two such values (hours × cost per hour) is an integer of
 * 1/100,000,000 ("e8"); costs are summed as e8 BigInts, and only rounded (half away from zero)
 * when shown. No binary floating point touches a figure.
 */

export const E4 = 10_000;

/** "7.5" → 75000. Input must be a canonical decimal with ≤ 4 places (the schemas guarantee it). */
export function toE4(decimal: string): number {
  const neg = decimal.startsWith('-');
  const body = neg ? decimal.slice(1) : decimal;
  const [int = '0', frac = ''] = body.split('.');
  const v = Number(int) * E4 + Number(frac.padEnd(4, '0').slice(0, 4));
  return neg ? -v : v;
}

// A replan reads each line's price, list price, margin floor and discount limit: a few thousand
// distinct decimals, read 80,000 times (issue #15, speed). BigInts never change: remember them.
const e4Of = new Map<string, bigint>();

/** "7.5" → 75000n, exactly for any number of digits (money: a price × a quantity can pass 2^53). */
export function toE4Big(decimal: string): bigint {
  let v = e4Of.get(decimal);
  if (v === undefined) {
    const neg = decimal.startsWith('-');
    const body = neg ? decimal.slice(1) : decimal;
    const [int = '0', frac = ''] = body.split('.');
    const abs = BigInt(int || '0') * 10_000n + BigInt(frac.padEnd(4, '0').slice(0, 4));
    v = neg ? -abs : abs;
    // Bounded: text naming ever new decimals cannot grow it further.
    if (e4Of.size > 100_000) e4Of.clear();
    e4Of.set(decimal, v);
  }
  return v;
}

/** e4 integer → plain decimal string without trailing zeros ("7.5", "12"). */
export function e4ToString(v: number): string {
  // Most of the hours an answer shows are nothing or whole (−0 too: String(−0) is "0").
  if (v % E4 === 0) return String(v / E4);
  const neg = v < 0;
  const a = Math.abs(v);
  const int = Math.floor(a / E4);
  const frac = String(a % E4).padStart(4, '0').replace(/0+$/, '');
  return `${neg && a !== 0 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Divides rounding half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) return divRound(-n, -d);
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (a * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** An e8 amount shown with `places` decimals, rounded half away from zero. */
export function formatE8(v: bigint, places = 2): string {
  const scaled = divRound(v, 10n ** BigInt(8 - places));
  return fixed(scaled, places);
}

/** A scaled integer `v` with `places` implied decimals → "123.45". */
export function fixed(v: bigint, places: number): string {
  const neg = v < 0n;
  const a = (neg ? -v : v).toString().padStart(places + 1, '0');
  const body = places ? `${a.slice(0, -places)}.${a.slice(-places)}` : a;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

/** (part / whole) × 100 shown with two decimals, rounded half away from zero. */
export function percentString(part: bigint, whole: bigint): string {
  return fixed(divRound(part * 10_000n, whole), 2);
}

/** Exactly `part / whole × 100 ≥ pctE4 / 10^4`, for whole > 0. */
export function percentAtLeast(part: bigint, whole: bigint, pctE4: bigint): boolean {
  return part * 100n * 10_000n >= pctE4 * whole;
}
