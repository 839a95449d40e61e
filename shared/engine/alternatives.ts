/**
 * What a salesperson can offer instead (`promise-check.md`): the full quantity on the earliest
 * date, a partial delivery (what is available by R, the rest on the earliest date), the fastest
 * plan. An alternative is a change to the request; applied, it must give what it announces.
 *
 * Why a candidate is checked before it is offered: lines are planned in order of requested date,
 * so a line whose date moves later is planned after lines it used to precede. Those lines now take
 * capacity first, and the moved line may no longer make the date it was offered ("9 on Sat 9 Jan
 * without overtime", applied, needed overtime). So each candidate is applied to the request and
 * the whole request checked again: it is offered only when the changed line (each part of a
 * split) gets the announced plan by the announced date, and every other line keeps its status or
 * better (a line that was on time stays on time; a line that was not feasible gets no later).
 * When the moved line misses only because of its new place, its date is moved to the earliest
 * date it gets there and checked again (a few times at most); otherwise it is not offered.
 */
import type { Alternative, CheckRequest, CheckResult, LineResult, PlanKind, Status } from '../schemas/check';
import { fromDay } from '../units/days';
import type { PlantModel } from './plant-model';
import type { PlanCalc } from './plans';
import type { Change } from './recheck-reuse';
import { sayDate } from './reasons';

export const STATUS_RANK: Record<Status, number> = { ok: 0, needs_approval: 1, not_feasible: 2 };

/** Alternatives before they are checked: what the line's own plans suggest. */
export function candidateAlternatives(m: PlantModel, plans: PlanCalc[], qty: number, requested: string, chosen: PlanCalc | undefined): Alternative[] {
  const out: Alternative[] = [];
  const regular = plans[0]!;
  const arrive = (p: PlanCalc) => fromDay(m.asOfDay + p.earliest! + p.lane.transit);
  if (!regular.onTime && regular.earliest !== null) {
    out.push({ kind: 'later_date', plan: 'regular', mode: regular.lane.mode, deliveries: [{ date: arrive(regular), qty }], message: '' });
    if (regular.available > 0 && regular.available < qty) {
      const now = regular.available;
      out.push({ kind: 'partial', plan: 'regular', mode: regular.lane.mode, deliveries: [{ date: requested, qty: now }, { date: arrive(regular), qty: qty - now }], message: '' });
    }
  }
  if (!chosen) {
    const reachable = plans.filter((p) => p.earliest !== null);
    const fastest = reachable.reduce<PlanCalc | null>((best, p) => (!best || p.earliest! + p.lane.transit < best.earliest! + best.lane.transit ? p : best), null);
    if (fastest && fastest !== regular && (regular.earliest === null || arrive(fastest) < arrive(regular)))
      out.push({ kind: 'fastest_plan', plan: fastest.kind, mode: fastest.lane.mode, deliveries: [{ date: arrive(fastest), qty }], message: '' });
  }
  return out;
}

/**
 * The lines an alternative turns one request line into: the same line on the new date, or (a
 * split) one line per delivery, in the line's place. The request's mode never changes: a fastest
 * plan by express is chosen by its date, as the first plan on time.
 */
export function alternativeLines<L extends { qty: unknown; requested_date: string }>(line: L, alt: Alternative): L[] {
  if (alt.kind === 'partial') return alt.deliveries.map((d) => ({ ...line, qty: d.qty, requested_date: d.date }));
  return [{ ...line, requested_date: alt.deliveries[0]!.date }];
}

/** The request with line `index` replaced by the alternative's lines. */
export function applyToRequest(req: CheckRequest, index: number, alt: Alternative): CheckRequest {
  const lines = [...req.lines];
  lines.splice(index, 1, ...alternativeLines(req.lines[index]!, alt));
  return { ...req, lines };
}

const PLAN_WORDS: Record<PlanKind, string> = { regular: 'without overtime or express', overtime: 'with overtime', express: 'with express', express_overtime: 'with express and overtime' };

function messageOf(alt: Alternative, status: 'ok' | 'needs_approval'): string {
  const d = alt.deliveries;
  const approval = status === 'needs_approval' ? ' (needs approval)' : '';
  if (alt.kind === 'partial') return `${d[0]!.qty} by ${sayDate(d[0]!.date)} and the other ${d[1]!.qty} on ${sayDate(d[1]!.date)}${approval}.`;
  const qty = d[0]!.qty;
  if (alt.kind === 'later_date') return `All ${qty} on ${sayDate(d[0]!.date)} ${PLAN_WORDS.regular}${approval}.`;
  return `Fastest: all ${qty} on ${sayDate(d[0]!.date)} ${PLAN_WORDS[alt.plan ?? 'regular']}${approval}.`;
}

/** Does the re-checked request give what `alt` announces for line `index`, and leave the others no worse? */
function holds(before: CheckResult, after: CheckResult, index: number, alt: Alternative): 'yes' | 'line_late' | 'no' {
  const parts = alt.deliveries.length;
  for (let j = 0; j < before.lines.length; j++) {
    if (j === index) continue;
    const b = before.lines[j]!;
    const a = after.lines[j < index ? j : j + parts - 1]!;
    if (STATUS_RANK[a.status] > STATUS_RANK[b.status]) return 'no';
    if (b.status === 'not_feasible' && a.status === 'not_feasible') {
      const be = b.plans[0]?.earliest_delivery_date ?? null;
      const ae = a.plans[0]?.earliest_delivery_date ?? null;
      if (be !== null && (ae === null || ae > be)) return 'no';
    }
  }
  for (let k = 0; k < parts; k++) {
    const line = after.lines[index + k]!;
    const plan = line.plans.find((p) => p.kind === line.chosen_plan);
    if (line.chosen_plan === alt.plan && plan?.delivery_date && plan.delivery_date <= alt.deliveries[k]!.date) continue;
    return k === parts - 1 ? 'line_late' : 'no';
  }
  return 'yes';
}

const ATTEMPTS = 3;

/**
 * Keeps the candidates that hold, each with the status its line(s) get and a sentence saying so.
 * `recheck` checks a request on the plant as it was before this request (no alternatives), told
 * which line changed into how many;
 * `budget` counts the lines it may still plan, so a very large request stays quick (candidates
 * past it are not offered: they could not be shown to hold).
 */
export function verifiedAlternatives(
  req: CheckRequest,
  before: CheckResult,
  recheck: (r: CheckRequest, changed: Change) => CheckResult,
  budget: { lines: number },
): CheckResult {
  const lines = before.lines.map((line, index): LineResult => {
    if (line.alternatives.length === 0) return line;
    const kept: Alternative[] = [];
    for (const candidate of line.alternatives) {
      let alt = candidate;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const next = applyToRequest(req, index, alt);
        if (budget.lines < next.lines.length) break;
        budget.lines -= next.lines.length;
        const after = recheck(next, { index, parts: alt.deliveries.length });
        const verdict = holds(before, after, index, alt);
        if (verdict === 'yes') {
          const parts = after.lines.slice(index, index + alt.deliveries.length);
          // Every part has a chosen plan here, so none is not feasible.
          const status = parts.some((l) => l.status !== 'ok') ? 'needs_approval' : 'ok';
          if (!kept.some((k) => JSON.stringify(k.deliveries) === JSON.stringify(alt.deliveries) && k.plan === alt.plan)) kept.push({ ...alt, status, message: messageOf(alt, status) });
          break;
        }
        if (verdict === 'no') break;
        // The moved line misses only because of its new place: try the earliest date it gets there.
        const last = after.lines[index + alt.deliveries.length - 1]!;
        const later = last.plans.find((p) => p.kind === alt.plan)?.earliest_delivery_date ?? null;
        const lastDelivery = alt.deliveries[alt.deliveries.length - 1]!;
        if (later === null || later <= lastDelivery.date) break;
        alt = { ...alt, deliveries: [...alt.deliveries.slice(0, -1), { ...lastDelivery, date: later }] };
      }
    }
    return { ...line, alternatives: kept };
  });
  return { ...before, lines };
}
