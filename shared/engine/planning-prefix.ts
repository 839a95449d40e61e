/**
 * The order a check plans its lines in (`promise-check.md`: by requested date, then request
 * order), and what a re-check of the same request with one line changed can take from the first
 * check as is.
 *
 * Why: offering an alternative re-checks the whole request with the line changed (alternatives.ts),
 * and that re-planning was four fifths of a 10-line check. The lines planned before the changed
 * line see the same plant in both checks (nothing before them differs), so they get the same
 * answer and take the same holds; only the rest is planned again. Planning is deterministic, so
 * the re-check's answer is the same as planning every line again.
 */
import type { LineResult } from '../schemas/check';
import type { PlanCalc } from './plans';

/** A line as a check planned it: its index in the request, its answer, the plan it holds (if any). */
export interface Planned {
  index: number;
  result: LineResult;
  holding: PlanCalc | null;
}

/** The request's line `index` replaced by `parts` lines in its place (alternatives.ts `applyToRequest`). */
export interface Change {
  index: number;
  parts: number;
}

/** Line indices in planning order: by requested date (ISO dates compare as strings), then request order. */
export function planningOrder(lines: readonly { requested_date: string }[]): number[] {
  return lines
    .map((_, i) => i)
    .sort((a, b) => {
      const da = lines[a]!.requested_date;
      const db = lines[b]!.requested_date;
      return da < db ? -1 : da > db ? 1 : a - b;
    });
}

/**
 * How many lines, from the start of the changed request's planning `order`, are planned exactly
 * as in the first check (`planned`, in its planning order): the same lines in the same places,
 * before any line that changed.
 */
export function samePrefix(planned: readonly Planned[], order: readonly number[], changed: Change): number {
  let k = 0;
  for (; k < planned.length && k < order.length; k++) {
    const j = planned[k]!.index;
    if (j === changed.index) break;
    // Lines after the changed one move along by the parts it became, less the one it was.
    if (order[k] !== (j < changed.index ? j : j + changed.parts - 1)) break;
  }
  return k;
}
