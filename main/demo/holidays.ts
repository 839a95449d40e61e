/**
 * Public holidays of Baden-Württemberg (where the demo plant is): the nationwide ones, the
 * state's own, and those that move with Easter. Easter Sunday by the anonymous Gregorian
 * algorithm (Meeus/Jones/Butcher).
 */
import { addDays } from '../../shared/units/days';

export interface Holiday {
  date: string;
  name: string;
}

/** Easter Sunday of a Gregorian year, `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year's holidays in date order; two on one day (Ascension on 1 May) become one entry. */
export function germanHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (md: string, name: string): Holiday => ({ date: `${year}-${md}`, name });
  const moving = (offset: number, name: string): Holiday => ({ date: addDays(easter, offset), name });
  const all = [
    fixed('01-01', 'Neujahr'),
    fixed('01-06', 'Heilige Drei Könige'),
    moving(-2, 'Karfreitag'),
    moving(1, 'Ostermontag'),
    fixed('05-01', 'Tag der Arbeit'),
    moving(39, 'Christi Himmelfahrt'),
    moving(50, 'Pfingstmontag'),
    moving(60, 'Fronleichnam'),
    fixed('10-03', 'Tag der Deutschen Einheit'),
    fixed('11-01', 'Allerheiligen'),
    fixed('12-25', '1. Weihnachtstag'),
    fixed('12-26', '2. Weihnachtstag'),
  ];
  const byDate = new Map<string, string[]>();
  for (const h of all) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.name]);
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, names]) => ({ date, name: names.join(' / ') }));
}
