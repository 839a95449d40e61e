/**
 * What the bottleneck picture shows for a line: the limiting resource of its plan and, by day
 * around the requested date, that resource's capacity, the hours already booked and held, and the
 * hours this request would add. Hours become numbers here only to be drawn.
 */
import type { CapacityDay } from '../shared/contract';
import { CAPACITY_MAX_DAYS } from '../shared/contract';
import type { LineResult, Plan } from '../shared/schemas/check';
import { addDays, toDay } from '../shared/engine/days';

/** The plan whose production is pictured: the chosen one, else the one that delivers soonest, else regular. */
export function picturedPlan(line: LineResult): Plan | undefined {
  const chosen = line.plans.find((p) => p.kind === line.chosen_plan);
  if (chosen) return chosen;
  const dated = line.plans.filter((p) => p.earliest_delivery_date !== null && p.produced.length > 0);
  dated.sort((a, b) => a.earliest_delivery_date!.localeCompare(b.earliest_delivery_date!));
  return dated[0] ?? line.plans.find((p) => p.produced.length > 0) ?? line.plans[0];
}

/** The resource named by a capacity reason, else the one the plan uses most hours of. */
export function limitingResource(line: LineResult, plan: Plan | undefined): string | null {
  const named = line.reasons.find((r) => r.code === 'capacity_short' && r.resource_id)?.resource_id;
  if (named) return named;
  const used = new Map<string, number>();
  for (const day of plan?.produced ?? []) {
    for (const r of day.resources) used.set(r.resource_id, (used.get(r.resource_id) ?? 0) + Number(r.regular_hours) + Number(r.overtime_hours));
  }
  let best: string | null = null;
  for (const [id, h] of used) if (best === null || h > used.get(best)!) best = id;
  return best;
}

/** Two weeks before the requested date (or the first production day) to a week after delivery, from as-of on. */
export function pictureWindow(line: LineResult, plan: Plan | undefined, asOf: string): { from: string; to: string } {
  const produced = plan?.produced.map((d) => d.date).sort() ?? [];
  let from = addDays(line.requested_date, -14);
  if (produced[0] && produced[0] < from) from = produced[0];
  if (from < asOf) from = asOf;
  let to = line.requested_date;
  for (const d of [produced[produced.length - 1], plan?.dispatch_date, plan?.earliest_delivery_date]) if (d && d > to) to = d;
  to = addDays(to, 7);
  if (toDay(to) - toDay(from) >= CAPACITY_MAX_DAYS) to = addDays(from, CAPACITY_MAX_DAYS - 1);
  if (to < from) to = from;
  return { from, to };
}

export interface PictureRow {
  date: string;
  capacity: number;
  withOvertime: number;
  booked: number;
  held: number;
  /** Hours the quote's other lines planned before this one take (they are not held yet). */
  quoteOther: number;
  addRegular: number;
  addOvertime: number;
}

/**
 * The plans of the quote's other lines that this line is planned after (earlier requested date,
 * or the same date and earlier in the quote): what they take is what this line's reasons saw as
 * booked. Each takes its chosen plan, or its regular plan at its earliest date, as the engine does.
 */
export function plansBefore(lines: readonly LineResult[], index: number): Plan[] {
  const me = lines[index]!;
  const out: Plan[] = [];
  lines.forEach((l, j) => {
    if (j === index) return;
    if (!(l.requested_date < me.requested_date || (l.requested_date === me.requested_date && j < index))) return;
    const p = l.plans.find((x) => x.kind === l.chosen_plan) ?? (l.plans[0]?.earliest_delivery_date ? l.plans[0] : undefined);
    if (p) out.push(p);
  });
  return out;
}

function hoursOn(plans: readonly Plan[], resourceId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of plans)
    for (const d of p.produced)
      for (const r of d.resources) if (r.resource_id === resourceId) out.set(d.date, (out.get(d.date) ?? 0) + Number(r.regular_hours) + Number(r.overtime_hours));
  return out;
}

export function pictureRows(days: readonly CapacityDay[], plan: Plan | undefined, resourceId: string, others: readonly Plan[] = []): PictureRow[] {
  const other = hoursOn(others, resourceId);
  const added = new Map<string, { r: number; o: number }>();
  for (const d of plan?.produced ?? []) {
    for (const r of d.resources) {
      if (r.resource_id !== resourceId) continue;
      const a = added.get(d.date) ?? { r: 0, o: 0 };
      added.set(d.date, { r: a.r + Number(r.regular_hours), o: a.o + Number(r.overtime_hours) });
    }
  }
  return days.map((d) => {
    const cap = Number(d.calendar_hours);
    const a = added.get(d.date) ?? { r: 0, o: 0 };
    return {
      date: d.date,
      capacity: cap,
      withOvertime: cap + Number(d.overtime_hours_available),
      booked: Number(d.load_hours),
      held: Number(d.held_hours),
      quoteOther: other.get(d.date) ?? 0,
      addRegular: a.r,
      addOvertime: a.o,
    };
  });
}
