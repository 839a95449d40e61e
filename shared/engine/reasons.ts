/**
 * Why a line is not `ok`, in sentences a salesperson can read aloud, and what can be offered
 * instead. Each reason names its bottleneck: which resource and which days, which component and
 * from when it can be bought in.
 */
import type { Reason } from '../schemas/check';
import { cumulativeMax, bindingComponent } from './components';
import { dailyUnits } from './capacity';
import { fromDay } from '../units/days';
import type { PlantModel } from './plant-model';
import { e4ToString } from '../units/money';
import { finishedAtp, type LineSupply, type PlanCalc } from './plans';
import { atp } from './pool';
import type { View } from './view';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Fri 6 Mar 2026": unambiguous in every locale, for messages read aloud. */
export function sayDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const dateOf = (m: PlantModel, i: number) => fromDay(m.asOfDay + i);

function sayRange(m: PlantModel, from: number, to: number): string {
  return from === to ? sayDate(dateOf(m, from)) : `${sayDate(dateOf(m, from))} to ${sayDate(dateOf(m, to))}`;
}

export interface LineContext {
  view: View;
  supply: LineSupply;
  qty: number;
  requested: string;
  region: string;
}

/** Reasons for a line that no plan delivers on time, diagnosed on its `regular` plan. */
export function shortageReasons(ctx: LineContext, plan: PlanCalc): Reason[] {
  const { view, supply, qty } = ctx;
  const m = view.model;
  const p = supply.product;
  const reasons: Reason[] = [];
  const lastDay = m.horizon - 1;
  if (plan.latest === null) {
    reasons.push({
      code: 'transit_too_long',
      message: `Delivery to ${ctx.region} takes ${plan.lane.transit} days in transit, so nothing dispatched from ${sayDate(m.asOf)} arrives by ${sayDate(ctx.requested)}.`,
    });
  } else {
    const S = plan.latest;
    const stock = finishedAtp(view, p, S);
    const pool = m.pools[p.pool]!;
    if (p.supply === 'buy') {
      const from = pool.buyFrom !== null && pool.buyFrom <= lastDay ? `; more can be bought in for dispatch from ${sayDate(dateOf(m, pool.buyFrom))}` : '';
      reasons.push({ code: 'stock_short', message: `Only ${stock} of ${p.sku} can be taken from stock for dispatch by ${sayDate(dateOf(m, S))}${from}.` });
    } else {
      const needed = qty - stock;
      if (stock > 0 && stock < qty) reasons.push({ code: 'stock_short', message: `Only ${stock} of ${p.sku} in stock for dispatch by ${sayDate(dateOf(m, S))}; ${needed} must be made.` });
      const last = S - p.leadTime;
      const made = last < 0 ? 0 : plan.overtime ? supply.madeOvertime![last]! : supply.made[last]!;
      const capacityOnly = last < 0 ? 0 : cumulativeMax(plan.overtime ? supply.withOvertime! : supply.regular, null)[last]!;
      if (capacityOnly < needed) reasons.push(capacityReason(view, supply, plan, last, capacityOnly));
      if (made < capacityOnly && made < needed) reasons.push(componentReason(view, supply, plan.overtime, last, made));
    }
  }
  if (plan.earliest === null)
    reasons.push({
      code: 'beyond_horizon',
      message: `Not even by the end of the planning horizon (${sayDate(dateOf(m, lastDay))}) can ${qty} be dispatched.`,
    });
  return reasons;
}

function capacityReason(view: View, supply: LineSupply, plan: PlanCalc, last: number, canMake: number): Reason {
  const m = view.model;
  const p = supply.product;
  if (last < 0) {
    return {
      code: 'capacity_short',
      message: `${p.sku} takes ${p.leadTime} days after production before it can be dispatched, so nothing made from ${sayDate(m.asOf)} is ready by then.`,
    };
  }
  // The bottleneck: the routing resource that alone would allow the fewest units in the window.
  let worst = p.routing[0]!;
  let worstUnits = Infinity;
  for (const step of p.routing) {
    const alone = cumulativeMax(dailyUnits(view, { ...p, routing: [step] }, plan.overtime), null)[last]!;
    if (alone < worstUnits) [worst, worstUnits] = [step, alone];
  }
  const res = m.resources[worst.res]!;
  const working: number[] = [];
  for (let d = 0; d <= last; d++) if (res.cap[d]! > 0) working.push(d);
  const name = res.name === res.id ? res.id : `${res.name} (${res.id})`;
  const dates = working.map((d) => dateOf(m, d));
  const when = working.length ? `is fully booked ${sayRange(m, working[0]!, working[working.length - 1]!)}` : `has no working hours before ${sayDate(dateOf(m, last + 1))}`;
  return {
    code: 'capacity_short',
    message: `${name} ${when}: it can make only ${canMake} of ${p.sku} in time.`,
    resource_id: res.id,
    dates,
  };
}

function componentReason(view: View, supply: LineSupply, overtime: boolean, last: number, made: number): Reason {
  const m = view.model;
  // The component that bound last: after its limit lifts (bought in) it may no longer limit at `last`.
  const units = overtime ? supply.withOvertime! : supply.regular;
  const cum = overtime ? supply.madeOvertime! : supply.made;
  let clipped = 0;
  for (let d = 0; d <= last; d++) if ((d ? cum[d - 1]! : 0) + units[d]! > supply.caps[d]!) clipped = d;
  const c = bindingComponent(view, supply.product, clipped)!;
  const pool = m.pools[c.pool]!;
  const have = atp(pool, view.pool(c.pool), clipped);
  const from = pool.buyFrom !== null && pool.buyFrom < m.horizon ? ` until more can be bought in from ${sayDate(dateOf(m, pool.buyFrom))}` : '';
  return {
    code: 'component_short',
    message: `Component ${c.sku} is short: only ${have} available${from}, enough for ${made} of ${supply.product.sku}.`,
    component_sku: c.sku,
    dates: pool.buyFrom !== null && pool.buyFrom < m.horizon ? [dateOf(m, pool.buyFrom)] : [],
  };
}

export function overtimeReason(m: PlantModel, plan: PlanCalc): Reason {
  const byRes = new Map<number, { hours: number; days: number[] }>();
  const { routing, days: made, overtime } = plan.production;
  const R = routing.length;
  made.forEach((day, k) =>
    routing.forEach(({ res }, s) => {
      const hours = overtime[k * R + s]!;
      if (hours <= 0) return;
      const e = byRes.get(res) ?? { hours: 0, days: [] };
      e.hours += hours;
      e.days.push(day);
      byRes.set(res, e);
    }),
  );
  const parts = [...byRes].map(([r, e]) => {
    const res = m.resources[r]!;
    return `${e4ToString(e.hours)} h on ${res.name === res.id ? res.id : `${res.name} (${res.id})`} (${e.days.map((d) => sayDate(dateOf(m, d))).join(', ')})`;
  });
  const days = [...byRes.values()].flatMap((e) => e.days.map((d) => dateOf(m, d)));
  return { code: 'needs_overtime', message: `Needs overtime to be on time: ${parts.join('; ') || 'overtime hours'}.`, dates: [...new Set(days)].sort() };
}

export function expressReason(standard: PlanCalc, requested: string, m: PlantModel): Reason {
  const std = standard.earliest === null ? 'not within the planning horizon' : `on ${sayDate(dateOf(m, standard.earliest + standard.lane.transit))}`;
  return { code: 'needs_express', message: `Only express delivery arrives by ${sayDate(requested)}; standard delivery would arrive ${std}.` };
}
