/** How numbers and times read on the PDF: exact decimal arithmetic, never binary floats. */

/** `1234567.5` → `1,234,567.50`; input is a decimal string with at most `places` decimals. */
export function groupDecimal(s: string, places = 2): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const int = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (m[3] ?? '').padEnd(places, '0');
  return `${m[1]}${int}${places > 0 ? `.${frac}` : ''}`;
}

/** qty × unit price (4 decimals), rounded half away from zero to cents, as a decimal string. */
export function lineAmount(qty: number, unitPrice: string): string {
  const [int = '0', frac = ''] = unitPrice.split('.');
  const e4 = BigInt(int + frac.padEnd(4, '0').slice(0, 4)) * BigInt(qty);
  return centsToString((e4 + 50n) / 100n);
}

export function addAmounts(amounts: readonly string[]): string {
  return centsToString(amounts.reduce((sum, a) => sum + BigInt(a.replace('.', '')), 0n));
}

function centsToString(cents: bigint): string {
  const neg = cents < 0n;
  const s = (neg ? -cents : cents).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** `2026-03-02T09:30:00Z` → `2026-03-02 09:30 UTC`. */
export function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
