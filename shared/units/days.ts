/**
 * Plain calendar dates as whole day numbers (days since 1970-01-01).
 *
 * The workbook has no time of day and no time zone, so a date is just a day number; the engine
 * does all date arithmetic on integers. `Date.UTC` is used only to convert, never local time.
 */
const MS_PER_DAY = 86_400_000;

export type DayNumber = number;

// A workbook of 100,000 rows names a few hundred distinct dates: each is checked once.
const realDates = new Set<string>();

/** `YYYY-MM-DD` that names a day that exists (2026-02-30 does not). */
export function isRealDate(s: string): boolean {
  if (realDates.has(s)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  const real = t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  // Bounded (about 270 years of days): a file naming ever new dates cannot grow it further.
  if (real && realDates.size < 100_000) realDates.add(s);
  return real;
}

// Plans and holds name a few hundred distinct dates many thousands of times: remember them.
const dayOf = new Map<string, DayNumber>();
const dateOf = new Map<DayNumber, string>();

export function toDay(s: string): DayNumber {
  let day = dayOf.get(s);
  if (day === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m || !isRealDate(s)) throw new Error(`not a date: ${s}`);
    day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
    if (dayOf.size > 100_000) dayOf.clear();
    dayOf.set(s, day);
  }
  return day;
}

export function fromDay(day: DayNumber): string {
  let s = dateOf.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dateOf.size > 100_000) dateOf.clear();
    dateOf.set(day, s);
  }
  return s;
}

export function addDays(s: string, n: number): string {
  return fromDay(toDay(s) + n);
}

/** 0 = Monday … 6 = Sunday (the workbook's column order). */
export function weekdayIndex(day: DayNumber): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}
