/**
 * The capacity picture as cells of a heatmap: one per resource and day, or per resource and
 * week (Monday to Sunday) when zoomed out. Sums stay integers of 1/10,000 h; only utilisation is
 * a ratio, for colour.
 */
import type { CapacityPictureView } from '../../../shared/contract-operations';

export type Grain = 'day' | 'week';

export interface Period {
  /** First and last date of the period (inside the horizon). */
  from: string;
  to: string;
  /** Index of its first day in the picture's dates. */
  start: number;
  days: number;
}

export interface HeatCell {
  resource: number;
  period: number;
  calendar_e4: number;
  load_e4: number;
  held_regular_e4: number;
  held_overtime_e4: number;
  overtime_e4: number;
  /** (load + held regular) / calendar hours, in percent; null when the calendar gives no hours. */
  utilisation: number | null;
  /** Calendar exceptions of the resource's calendar that touch the period. */
  exceptions: { date_from: string; date_to: string; hours: string; note: string }[];
  /** A holiday: an exception with 0 hours on a day of the period. */
  holiday: boolean;
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday

export function periods(dates: readonly string[], grain: Grain): Period[] {
  if (grain === 'day') return dates.map((d, i) => ({ from: d, to: d, start: i, days: 1 }));
  const out: Period[] = [];
  let cur: Period | null = null;
  dates.forEach((d, i) => {
    if (!cur || weekday(d) === 1) {
      cur = { from: d, to: d, start: i, days: 0 };
      out.push(cur);
    }
    cur.to = d;
    cur.days++;
  });
  return out;
}

export function heatCells(p: CapacityPictureView, grain: Grain): { periods: Period[]; cells: HeatCell[] } {
  const ps = periods(p.dates, grain);
  const cells: HeatCell[] = [];
  p.resources.forEach((r, ri) => {
    const exc = p.exceptions.filter((e) => e.calendar_id === r.calendar_id);
    ps.forEach((per, pi) => {
      let cal = 0;
      let load = 0;
      let reg = 0;
      let ot = 0;
      let otAvail = 0;
      for (let i = per.start; i < per.start + per.days; i++) {
        cal += r.calendar_e4[i] ?? 0;
        load += r.load_e4[i] ?? 0;
        reg += r.held_regular_e4[i] ?? 0;
        ot += r.held_overtime_e4[i] ?? 0;
        otAvail += r.overtime_e4[i] ?? 0;
      }
      const touching = exc.filter((e) => e.date_from <= per.to && e.date_to >= per.from);
      cells.push({
        resource: ri,
        period: pi,
        calendar_e4: cal,
        load_e4: load,
        held_regular_e4: reg,
        held_overtime_e4: ot,
        overtime_e4: otAvail,
        utilisation: cal > 0 ? ((load + reg) / cal) * 100 : null,
        exceptions: touching.map(({ date_from, date_to, hours, note }) => ({ date_from, date_to, hours, note })),
        holiday: touching.some((e) => Number(e.hours) === 0),
      });
    });
  });
  return { periods: ps, cells };
}

/** Hours for people from 1/10,000 h (exact: integer division, then trailing zeros dropped). */
export function e4Hours(v: number): string {
  const neg = v < 0;
  const a = Math.abs(v);
  const int = Math.floor(a / 10_000);
  const frac = String(a % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Colour band of a cell, so the legend and the table view say it in words too. */
export type Band = 'closed' | 'free' | 'light' | 'busy' | 'full' | 'over';
export function band(c: HeatCell): Band {
  if (c.utilisation === null) return c.load_e4 > 0 ? 'over' : 'closed';
  if (c.utilisation > 100 || c.held_overtime_e4 > 0) return 'over';
  if (c.utilisation >= 100) return 'full';
  if (c.utilisation >= 80) return 'busy';
  if (c.utilisation >= 40) return 'light';
  return 'free';
}

export const BAND_LABEL: Record<Band, string> = {
  closed: 'closed (no calendar hours)',
  free: 'under 40 % used',
  light: '40–80 % used',
  busy: '80–100 % used',
  full: 'fully used',
  over: 'overtime or overbooked',
};
