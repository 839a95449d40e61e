/**
 * Numbers, money, percentages and dates for people, in the system's locale (Intl with no locale
 * given). Money and percentages arrive as exact decimal strings and are formatted as strings, so
 * no binary rounding happens on the way to the screen. Dates are calendar days: formatted in UTC
 * so a day never shifts with the time zone.
 */
const qtyFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const hoursFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const pctFmt = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const shortDateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const moneyFmts = new Map<string, Intl.NumberFormat>();

type Numeric = Parameters<Intl.NumberFormat['format']>[0];

export function formatQty(n: number): string {
  return qtyFmt.format(n);
}

export function formatHours(h: string | number): string {
  return hoursFmt.format(h as Numeric);
}

export function formatMoney(amount: string, currency: string): string {
  let f = moneyFmts.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      f = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFmts.set(currency, f);
  }
  return f.format(amount as Numeric);
}

const priceFmts = new Map<string, Intl.NumberFormat>();

/** A unit price (up to 4 decimals) exactly as signed: `€3.025`, never rounded to cents. */
export function formatUnitPrice(price: string, currency: string): string {
  let f = priceFmts.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 });
    } catch {
      f = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
    }
    priceFmts.set(currency, f);
  }
  return f.format(price as Numeric);
}

export function formatPct(pct: string): string {
  return pctFmt.format(pct as Numeric);
}

function utc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d);
}

export function formatDate(iso: string): string {
  return dateFmt.format(utc(iso));
}

export function formatShortDate(iso: string): string {
  return shortDateFmt.format(utc(iso));
}
