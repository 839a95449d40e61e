/**
 * Promises at risk (`promises.md`): after the tables change, open promises are checked again in
 * the order they were confirmed or submitted, each seeing the holds of those before it. A promise
 * whose check now has a reason its approvals do not cover (or that is not feasible) is at risk
 * with those reasons; its lines then hold their chosen plan, or their regular plan at its earliest
 * date. A promise whose dispatch dates have all passed is not checked again: it keeps its holds
 * and waits to be fulfilled. The flag is worked out afresh each time.
 *
 * Reading where the spec is silent: a line whose product or region has left the workbook cannot be
 * planned; its promise is at risk with a `stock_short` reason saying so, and that line holds nothing.
 */
import type { CheckResult, Reason } from '../schemas/check';
import type { Workbook } from '../schemas/workbook';
import { checkAndHold } from './check';
import { addHolds, buildModel } from './model';
import type { PlantModel } from './plant-model';
import { sameHolds } from './same-holds';
import type { PromiseToRevalidate, RevalidationOutcome } from './types';
import { validateRequest } from './validate';

/** Dispatch dates of a promise: the days its lines' held plans dispatch on. */
export function dispatchDatesOf(result: CheckResult | null): string[] {
  const fromResult = (result?.lines ?? []).map((l) => l.plans.find((x) => x.kind === (l.chosen_plan ?? 'regular'))?.dispatch_date ?? null);
  return fromResult.filter((d): d is string => d !== null);
}

/**
 * Whether a promise waits to be fulfilled on `asOf`: every dispatch date of it has passed. It is
 * not checked again then and keeps its holds, the only holds a replan reads (a store may leave the
 * others unread: `PromiseToRevalidate.holds`).
 */
export function waitsToBeFulfilled(dispatchDates: readonly string[], asOf: string): boolean {
  return dispatchDates.length > 0 && dispatchDates.every((d) => d < asOf);
}

export function revalidatePromises(
  wb: Workbook,
  opts: { asOf: string; dataVersion: string },
  promises: readonly PromiseToRevalidate[],
): { model: PlantModel; outcomes: RevalidationOutcome[] } {
  const model = buildModel(wb, opts);
  const outcomes: RevalidationOutcome[] = [];
  for (const p of promises) {
    if (waitsToBeFulfilled(p.dispatchDates, opts.asOf)) {
      addHolds(model, p.holds);
      outcomes.push({ id: p.id, rechecked: false, result: null, holds: [...p.holds], atRisk: false, reasons: [] });
      continue;
    }
    outcomes.push(recheck(model, p));
  }
  return { model, outcomes };
}

function recheck(model: PlantModel, p: PromiseToRevalidate): RevalidationOutcome {
  const valid = validateRequest(model, p.request, { allowPastDates: true, alreadyParsed: true });
  if (!valid.ok) {
    const reasons: Reason[] = valid.issues.map((i) => ({ code: 'stock_short', message: `It can no longer be planned: ${i.path} ${i.message}.` }));
    return { id: p.id, rechecked: true, result: null, holds: [], atRisk: true, reasons };
  }
  // Only the verdict: the holds, each line's status and reasons (the stored result stays the one
  // the promise was made with; plans and alternatives of 20,000 checks were most of the work).
  const { result, holds } = checkAndHold(model, valid.value, { verdictOnly: true });
  const reasons = uncovered(result, p.covered);
  // The promise's own list when nothing changed (same-holds.ts): the same holds either way. (Left
  // unread by the store, its list is empty: the new holds are kept, still the same holds.)
  const kept = sameHolds(p.holds, holds) ? p.holds : holds;
  return { id: p.id, rechecked: true, result: null, holds: kept, atRisk: reasons.length > 0, reasons };
}

function uncovered(result: CheckResult, covered: PromiseToRevalidate['covered']): Reason[] {
  const out: Reason[] = [];
  for (const line of result.lines) {
    for (const r of line.reasons) {
      if (line.status === 'not_feasible' || !covered.includes(r.code)) out.push({ ...r, message: `${line.sku}: ${r.message}` });
    }
  }
  return out;
}
