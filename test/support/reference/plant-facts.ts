/**
 * The facts a promise check reads, derived straight from `promise-check.md` and `workbook.md`
 * for the reference solver: calendar hours with exceptions, free resource hours, and each stock
 * pool's ATP with look-ahead. Written from the spec alone, never from the engine's code, so that
 * the two can be compared. Hours are integers of 1/10,000 h; quantities are whole units.
 */
import type { Workbook } from '../../../shared/schemas/workbook';
import { dayNumber, weekdayColumn } from '../dates';

/** What a confirmed promise holds (structurally the engine's `Hold`). */
export type ReferenceHold =
  | { type: 'goods'; sku: string; date: string; qty: number }
  | { type: 'hours'; resource_id: string; date: string; regular_e4: number; overtime_e4: number };

export interface ProductFacts {
  supply: 'make' | 'buy';
  lead: number;
  routing: { resource: string; hpuE4: number }[];
  bom: { component: string; qty: number }[];
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "7.5" → 75000. Exact: the workbook's decimals have at most 4 places. */
export function e4(decimal: string | null): number {
  if (decimal === null) return 0;
  const neg = decimal.startsWith('-');
  const [int = '0', frac = ''] = (neg ? decimal.slice(1) : decimal).split('.');
  const v = Number(int) * 10_000 + Number(frac.padEnd(4, '0').slice(0, 4));
  return neg ? -v : v;
}

export class PlantFacts {
  readonly asOf: number;
  /** Last day of the horizon (inclusive). */
  readonly horizonEnd: number;
  readonly products = new Map<string, ProductFacts>();
  private readonly weekly = new Map<string, number[]>();
  private readonly exceptions = new Map<string, { from: number; to: number; hoursE4: number }[]>();
  private readonly resources = new Map<string, { calendar: string; overtimeE4: number }>();
  /** `${resource}@${day}` → hours. */
  private readonly load = new Map<string, number>();
  private readonly heldRegular = new Map<string, number>();
  private readonly heldOvertime = new Map<string, number>();
  private readonly lanes = new Map<string, { transit: number; calendar: string }>();
  private readonly atpCache = new Map<string, (day: number) => number>();
  /** sku → day → net change of the pool on that day (supply +, demand −). */
  private readonly poolEvents = new Map<string, Map<number, number>>();

  constructor(wb: Workbook, asOf: string, holds: readonly ReferenceHold[] = []) {
    this.asOf = dayNumber(asOf);
    const horizon = wb.policy.find((p) => p.key === 'horizon_days');
    this.horizonEnd = this.asOf + (horizon ? Number(horizon.value) : 365) - 1;

    for (const c of wb.calendars) this.weekly.set(c.calendar_id, WEEKDAYS.map((w) => e4(c[w])));
    for (const x of wb.calendar_exceptions) {
      const list = this.exceptions.get(x.calendar_id) ?? [];
      list.push({ from: dayNumber(x.date_from), to: dayNumber(x.date_to), hoursE4: e4(x.hours) });
      this.exceptions.set(x.calendar_id, list);
    }
    for (const r of wb.resources) this.resources.set(r.resource_id, { calendar: r.calendar_id, overtimeE4: e4(r.overtime_hours_per_day) });
    // Load before the as-of date is ignored; rows with one key add up.
    for (const l of wb.resource_load) add(this.load, `${l.resource_id}@${dayNumber(l.date)}`, e4(l.hours));
    for (const p of wb.products)
      this.products.set(p.sku, { supply: p.supply, lead: p.lead_time_days ?? 0, routing: [], bom: [] });
    for (const r of wb.routings) this.products.get(r.sku)!.routing.push({ resource: r.resource_id, hpuE4: e4(r.hours_per_unit) });
    for (const b of wb.bom) this.products.get(b.sku)!.bom.push({ component: b.component_sku, qty: b.qty_per_unit });
    for (const l of wb.lanes) this.lanes.set(`${l.region}/${l.mode}`, { transit: l.transit_days, calendar: l.dispatch_calendar_id });

    // Pools: stock on hand at A, receipts (before A: on A), orders and held goods (before A: on A).
    const onA = (date: string) => Math.max(this.asOf, dayNumber(date));
    const event = (sku: string, day: number, qty: number) => {
      const m = this.poolEvents.get(sku) ?? new Map<number, number>();
      add(m, day, qty);
      this.poolEvents.set(sku, m);
    };
    for (const i of wb.inventory) event(i.sku, this.asOf, i.on_hand);
    for (const r of wb.receipts) event(r.sku, onA(r.date), r.qty);
    for (const o of wb.orders) event(o.sku, onA(o.dispatch_date), -o.qty);
    for (const h of holds) {
      if (h.type === 'goods') event(h.sku, onA(h.date), -h.qty);
      else {
        add(this.heldRegular, `${h.resource_id}@${dayNumber(h.date)}`, h.regular_e4);
        add(this.heldOvertime, `${h.resource_id}@${dayNumber(h.date)}`, h.overtime_e4);
      }
    }
  }

  /** Calendar hours of a day, exceptions included. */
  calendarHours(calendar: string, day: number): number {
    for (const x of this.exceptions.get(calendar) ?? []) if (day >= x.from && day <= x.to) return x.hoursE4;
    return this.weekly.get(calendar)![weekdayColumn(day)]!;
  }

  /** Free hours of a resource on a day: regular (calendar − load − held, ≥ 0) plus, when allowed, overtime. */
  freeHours(resource: string, day: number, overtime: boolean): number {
    const r = this.resources.get(resource)!;
    const key = `${resource}@${day}`;
    const calendar = this.calendarHours(r.calendar, day);
    const regular = Math.max(0, calendar - (this.load.get(key) ?? 0) - (this.heldRegular.get(key) ?? 0));
    if (!overtime || calendar <= 0) return regular;
    return regular + Math.max(0, r.overtimeE4 - (this.heldOvertime.get(key) ?? 0));
  }

  hasOvertime(resource: string): boolean {
    return this.resources.get(resource)!.overtimeE4 > 0;
  }

  lane(region: string, mode: string): { transit: number; calendar: string } | undefined {
    return this.lanes.get(`${region}/${mode}`);
  }

  /** Dispatch days of a lane in the horizon: its calendar's days with hours above 0. */
  dispatchDays(calendar: string): number[] {
    const out: number[] = [];
    for (let d = this.asOf; d <= this.horizonEnd; d++) if (this.calendarHours(calendar, d) > 0) out.push(d);
    return out;
  }

  /**
   * ATP(d) = max(0, min over t ≥ d of cumulative supply − demand up to t). For a `buy` item the
   * look-ahead stops before A + lead time, and from that day on the pool is unlimited (Infinity).
   */
  atp(sku: string, day: number): number {
    let f = this.atpCache.get(sku);
    if (!f) {
      f = this.buildAtp(sku);
      this.atpCache.set(sku, f);
    }
    return f(day);
  }

  private buildAtp(sku: string): (day: number) => number {
    const p = this.products.get(sku)!;
    const events = this.poolEvents.get(sku) ?? new Map<number, number>();
    const last = Math.max(this.horizonEnd, ...events.keys());
    const cum: number[] = [];
    let running = 0;
    for (let d = this.asOf; d <= last; d++) {
      running += events.get(d) ?? 0;
      cum.push(running);
    }
    const unlimitedFrom = p.supply === 'buy' ? this.asOf + p.lead : Infinity;
    // Suffix minimum of the cumulative balance, over the days the look-ahead may see.
    const stop = Math.min(last, unlimitedFrom - 1);
    const atp: number[] = new Array<number>(this.horizonEnd - this.asOf + 1);
    let min = Infinity;
    for (let t = stop; t >= this.asOf; t--) {
      min = Math.min(min, cum[t - this.asOf]!);
      if (t <= this.horizonEnd) atp[t - this.asOf] = Math.max(0, min);
    }
    return (day: number) => (day >= unlimitedFrom ? Infinity : atp[day - this.asOf]!);
  }
}

function add<K>(m: Map<K, number>, k: K, v: number) {
  m.set(k, (m.get(k) ?? 0) + v);
}
