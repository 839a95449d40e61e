/**
 * A whole check (`promise-check.md`): lines are planned one after another by requested date
 * (then request order), each seeing what the lines before it took on their chosen plan (or their
 * regular plan at its earliest date); the result lists them in request order. The model is never
 * changed: lines take from a scratch view. The holds returned are what confirming would take.
 */
import type { CheckRequest, CheckResult, DataWarning, LineResult, Reason, Status } from '../schemas/check';
import { hasOvertime } from './capacity';
import { planCost } from './cost';
import { fromDay, toDay } from '../units/days';
import { laneKey, type Lane, type PlantModel, type ProductInfo } from './plant-model';
import { percentAtLeast, percentString, toE4Big } from '../units/money';
import { computePlan, lineSupply, type PlanCalc } from './plans';
import { candidateAlternatives, STATUS_RANK, verifiedAlternatives } from './alternatives';
import { expressReason, overtimeReason, sayDate, shortageReasons } from './reasons';
import { beginLine } from './line-arrays';
import type { Hold } from './types';
import { applyHoldsTo, baseView, withScratchView, type View } from './view';
import { planningOrder, Reuse, type Change, type Planned } from './recheck-reuse';
import { sharePools } from './pools-read';
import { holdsOf, takePlan } from './plan-holds';
import { planDates, planJson } from './plan-json';

/** Lines the re-checks behind alternatives may plan in one check (a 10-line request needs a few hundred). */
const ALTERNATIVE_BUDGET_LINES = 2000;

/**
 * `replanAll`: re-checks plan every line again, each in full `dates` detail (the property test
 * comparing it with the prefix taken as is and the unchanged lines planned as verdicts).
 */
export function runCheck(model: PlantModel, req: CheckRequest, opts: { replanAll?: boolean } = {}): { result: CheckResult; holds: Hold[] } {
  const out = withScratchView(model, (view) => checkOn(view, req, true));
  return { result: verify(model, req, out, opts.replanAll), holds: out.holds };
}

/**
 * Alternatives that hold once applied (alternatives.ts); `model` must be as it was before `req`.
 * A re-check plans again only the lines that may see another plant than in `checked` (the changed
 * line, and lines sharing a pool with a line planned again); the others' answers and plans are
 * taken from there (recheck-reuse.ts).
 */
function verify(model: PlantModel, req: CheckRequest, checked: Checked, replanAll = false): CheckResult {
  if (!checked.result.lines.some((l) => l.alternatives.length > 0)) return checked.result;
  const budget = { lines: ALTERNATIVE_BUDGET_LINES };
  const recheck = (next: CheckRequest, changed: Change) =>
    withScratchView(model, (view) => checkOn(view, next, false, replanAll ? 'dates' : 'recheck', replanAll ? undefined : { planned: checked.planned, changed }).result);
  return verifiedAlternatives(req, checked.result, recheck, budget);
}

/**
 * Checks and takes the holds from the model at once, as confirming would (the model changes).
 * The same answer as `runCheck` followed by `addHolds`, without copying what the lines take.
 * `alternatives: false` (replanning, where nobody is offered them) leaves them out: they change
 * neither the holds nor any status or reason, and verifying them re-checks the request.
 * `verdictOnly` (replanning, which keeps only holds, statuses and reasons) also leaves out each
 * line's plans and the result's warnings: the result is not a full answer then.
 */
export function checkAndHold(model: PlantModel, req: CheckRequest, opts: { alternatives?: boolean; verdictOnly?: boolean } = {}): { result: CheckResult; holds: Hold[] } {
  const out = checkOn(baseView(model), req, opts.verdictOnly ? false : (opts.alternatives ?? true), opts.verdictOnly ? 'verdict' : 'full');
  if (!out.result.lines.some((l) => l.alternatives.length > 0)) return { result: out.result, holds: out.holds };
  // Alternatives are checked against the plant before this request: give back, check, take again.
  const base = baseView(model);
  applyHoldsTo(base, out.holds, -1);
  const result = verify(model, req, out);
  applyHoldsTo(base, out.holds, 1);
  return { result, holds: out.holds };
}

/**
 * How much of an answer a check works out. `full`: everything. `verdict` (replanning): holds, each
 * line's status and reasons; no plans, no warnings. `dates` (the re-checks behind alternatives,
 * which read only statuses and plan dates): holds, statuses, and plans with their kinds, dates and
 * quantities but no production days or costs; no reasons for a line that is not feasible (they
 * were a third of a re-check and do not change its status), no warnings. `recheck` (those same
 * re-checks, told which lines changed): the changed lines in `dates` detail, every other line in
 * `status` detail. `status`: a line planned as a verdict is (up to its first plan on time, from a
 * lazy supply), with the dates of the plans it worked out and no reasons when not feasible: an
 * unchanged line is read only for its status, and when not feasible for its regular plan's
 * earliest date, which a plan not on time always works out. None but `full` is a full answer.
 */
type Detail = 'full' | 'verdict' | 'dates' | 'recheck';
type LineDetail = Exclude<Detail, 'recheck'> | 'status';

interface Checked {
  result: CheckResult;
  holds: Hold[];
  /** Every line in the order it was planned, with what it took. */
  planned: Planned[];
}

/**
 * `reuse`: a re-check of an earlier check's request with one line changed (see `verify`), which
 * keeps no holds (its `holds` are empty).
 */
function checkOn(view: View, req: CheckRequest, alternatives: boolean, detail: Detail = 'full', reuse?: { planned: Planned[]; changed: Change }): Checked {
  const full = detail === 'full';
  const model = view.model;
  const order = planningOrder(req.lines);
  const taking = reuse && new Reuse(model, reuse.planned, reuse.changed);
  // Lines taken as they were whose plans are not in the view yet: only a line planned again that
  // shares a pool with one of them reads what it took (see recheck-reuse.ts).
  const waiting: Planned[] = [];
  const lines: LineResult[] = new Array(req.lines.length);
  const holds: Hold[] = [];
  const planned: Planned[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const was = taking?.taken(i);
    if (was) {
      lines[i] = was.result;
      if (was.holding) waiting.push(was);
      planned.push({ index: i, result: was.result, holding: was.holding });
      continue;
    }
    if (waiting.length > 0) takeWaiting(view, waiting, model.products.get(req.lines[i]!.sku)!);
    const line = checkLine(view, req, i, alternatives, lineDetail(detail, i, reuse?.changed));
    lines[i] = line.result;
    // What a line takes is for the lines after it, and for the model when the view is the model's
    // own (checkAndHold): a scratch view is dropped after its last line, which need take nothing
    // (often the only line a re-check plans again: the changed line moves last).
    if (line.holding && (k < order.length - 1 || !view.scratch)) takePlan(view, line.holding, line.result.sku, 1);
    if (line.holding && !reuse) holds.push(...holdsOf(model, line.holding, i, line.result.sku));
    planned.push({ index: i, result: line.result, holding: line.holding });
  }
  const status = lines.reduce<Status>((w, l) => (STATUS_RANK[l.status] > STATUS_RANK[w] ? l.status : w), 'ok');
  return {
    result: {
      as_of: model.asOf,
      data_version: model.dataVersion,
      currency: model.policy.currency,
      customer: req.customer,
      region: req.region,
      mode: req.mode,
      status,
      lines,
      warnings: full ? poolWarnings(model, req) : [],
    },
    holds,
    planned,
  };
}

/** Takes into the view the plans of the waiting lines that share a pool with a line of `product`, which is about to read them. */
function takeWaiting(view: View, waiting: Planned[], product: ProductInfo): void {
  let kept = 0;
  for (const w of waiting) {
    if (sharePools(view.model.products.get(w.result.sku)!, product)) takePlan(view, w.holding!, w.result.sku, 1);
    else waiting[kept++] = w;
  }
  waiting.length = kept;
}

/** How much of line `i` a check works out (see `Detail`). */
function lineDetail(detail: Detail, i: number, changed: Change | undefined): LineDetail {
  if (detail !== 'recheck') return detail;
  return changed && i >= changed.index && i < changed.index + changed.parts ? 'dates' : 'status';
}

/** A line's answer, and the plan it holds (its chosen plan, or its regular plan at its earliest date), if any. */
function checkLine(view: View, req: CheckRequest, index: number, alternatives: boolean, detail: LineDetail): { result: LineResult; holding: PlanCalc | null } {
  const full = detail === 'full';
  const m = view.model;
  beginLine(m.horizon);
  const line = req.lines[index]!;
  const product = m.products.get(line.sku)!;
  const R = toDay(line.requested_date) - m.asOfDay;
  const overtime = product.supply === 'make' && hasOvertime(view, product);
  // A verdict reads the plans up to the first on time (the chosen one) and no further: the later
  // ones, the overtime arrays when no overtime plan is reached, and the earliest date of the plan
  // on time (its holds are on its latest day; a reason names only the earliest of plans not on
  // time) are not worked out.
  const verdict = detail === 'verdict' || detail === 'status';
  const supply = lineSupply(view, product, overtime, verdict ? R + 1 : undefined);
  const main = m.lanes.get(laneKey(req.region, req.mode))!;
  const express = req.mode === 'standard' ? m.lanes.get(laneKey(req.region, 'express')) : undefined;

  const kinds: [PlanCalc['kind'], Lane, boolean][] = [['regular', main, false]];
  if (overtime) kinds.push(['overtime', main, true]);
  if (express) kinds.push(['express', express, false]);
  if (express && overtime) kinds.push(['express_overtime', express, true]);
  const plans: PlanCalc[] = [];
  for (const [kind, lane, ot] of kinds) {
    const plan = computePlan(view, supply, kind, lane, ot, line.qty, R, !verdict);
    plans.push(plan);
    if (verdict && plan.onTime) break;
  }

  const priceE4 = toE4Big(line.unit_price);
  const revenue = priceE4 * BigInt(line.qty) * 10_000n;
  const chosenIndex = plans.findIndex((p) => p.onTime);
  const chosen = plans[chosenIndex];
  // Every plan's cost is shown in a full answer; a verdict needs only the chosen plan's (its margin).
  const costs = full ? plans.map((p) => planCost(m, product, p, line.qty)) : plans.map((p, i) => (i === chosenIndex ? planCost(m, product, p, line.qty) : null));
  const listE4 = toE4Big(product.listPrice!);
  const discountOk = (listE4 - priceE4) * 1_000_000n <= toE4Big(m.policy.max_discount_pct) * listE4;

  const reasons: Reason[] = [];
  let status: Status;
  if (!chosen) {
    status = 'not_feasible';
    if (detail === 'full' || detail === 'verdict') reasons.push(...shortageReasons({ view, supply, qty: line.qty, requested: line.requested_date, region: req.region }, plans[0]!));
  } else {
    const cost = costs[chosenIndex]!;
    const marginOk = percentAtLeast(revenue - cost.total, revenue, toE4Big(product.minMarginPct));
    if (chosen.overtime) reasons.push(overtimeReason(m, chosen));
    if (chosen.lane.mode !== req.mode) reasons.push(expressReason(plans.find((p) => p.lane === main && p.overtime === chosen.overtime) ?? plans[0]!, line.requested_date, m));
    if (!marginOk)
      reasons.push({
        code: 'margin_below_floor',
        message: `The margin of ${percentString(revenue - cost.total, revenue)} % is below the ${product.minMarginPct} % floor for ${product.sku}.`,
      });
    status = reasons.length ? 'needs_approval' : 'ok';
  }
  if (!discountOk)
    reasons.push({
      code: 'discount_above_limit',
      message: `The discount of ${percentString(listE4 - priceE4, listE4)} % off the list price is above the ${m.policy.max_discount_pct} % sales may give.`,
    });
  if (!discountOk && status === 'ok') status = 'needs_approval';

  const holding = chosen ?? (plans[0]!.earliest !== null ? plans[0]! : null);
  return {
    result: {
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      qty: line.qty,
      requested_date: line.requested_date,
      unit_price: line.unit_price,
      list_price: product.listPrice!,
      discount_pct: percentString(listE4 - priceE4, listE4),
      min_margin_pct: product.minMarginPct,
      status,
      chosen_plan: chosen?.kind ?? null,
      plans: full ? plans.map((p, i) => planJson(m, p, costs[i]!, revenue)) : detail === 'verdict' ? [] : plans.map((p) => planDates(m, p)),
      reasons,
      alternatives: status === 'ok' || !alternatives ? [] : candidateAlternatives(m, plans, line.qty, line.requested_date, chosen),
    },
    holding,
  };
}

/** Pools this request touches whose commitments exceed their supply: ATP 0 there, and a data warning. */
function poolWarnings(m: PlantModel, req: CheckRequest): DataWarning[] {
  const skus = new Set<string>();
  for (const l of req.lines) {
    skus.add(l.sku);
    for (const c of m.products.get(l.sku)?.bom ?? []) skus.add(c.sku);
  }
  const out: DataWarning[] = [];
  for (const sku of skus) {
    const pool = m.pools[m.poolIndex.get(sku)!]!;
    // suf[0] is at most every cum[i] before the limit: not below 0, nothing to say (no scan).
    if (pool.limit === 0 || pool.suf[0]! >= 0) continue;
    for (let j = 0; j < pool.days.length && pool.days[j]! < pool.limit; j++) {
      if (pool.cum[j]! < 0) {
        const date = fromDay(m.asOfDay + pool.days[j]!);
        out.push({ code: 'pool_over_committed', sku, date, message: `${sku} is over-committed: from ${sayDate(date)} its orders and promises exceed its stock and receipts by ${-pool.cum[j]!}.` });
        break;
      }
    }
  }
  return out;
}
