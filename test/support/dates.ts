/**
 * Calendar-date arithmetic for test code. Deliberately NOT the engine's `days.ts`: the reference
 * solver and the fixtures must not share the code they are meant to check.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function shiftDate(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Column of calendars.csv for a day: 0 = mon … 6 = sun. */
export function weekdayColumn(day: number): number {
  // 1970-01-05 was a Monday.
  return (((day - 4) % 7) + 7) % 7;
}
