/**
 * Hours of a calendar on each day of the horizon: the weekly pattern, overridden by exceptions
 * (a holiday is an exception of 0 hours; an extra shift one of more).
 */
import type { Workbook } from '../schemas/workbook';
import { toDay, weekdayIndex, type DayNumber } from '../units/days';
import { toE4 } from '../units/money';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Returns a function giving a fresh array of e4 hours per horizon day for a calendar id. */
export function calendarHours(wb: Workbook, asOfDay: DayNumber, horizon: number): (calendarId: string) => Float64Array {
  const cache = new Map<string, Float64Array>();
  const calendars = new Map(wb.calendars.map((c) => [c.calendar_id, c]));
  return (id) => {
    let hours = cache.get(id);
    if (!hours) {
      hours = new Float64Array(horizon);
      const cal = calendars.get(id);
      if (cal) {
        const week = WEEKDAYS.map((d) => toE4(cal[d]));
        for (let i = 0; i < horizon; i++) hours[i] = week[weekdayIndex(asOfDay + i)]!;
      }
      for (const e of wb.calendar_exceptions) {
        if (e.calendar_id !== id) continue;
        const from = Math.max(0, toDay(e.date_from) - asOfDay);
        const to = Math.min(horizon - 1, toDay(e.date_to) - asOfDay);
        const h = toE4(e.hours);
        for (let i = from; i <= to; i++) hours[i] = h;
      }
      cache.set(id, hours);
    }
    return hours.slice();
  };
}
