/**
 * Day arrays a line's check works in (units per day, component caps, cumulative maxima, the
 * placement), reused from one line to the next. Allocated afresh, each line made several
 * horizon-long typed arrays, each with its own backing store: replanning 20,000 promises spent
 * more time collecting them than planning (issue #15, speed). Only for arrays that do not outlive
 * the line: `beginLine` hands the same arrays out again. Checks run one line at a time.
 */
let arrays: Float64Array[] = [];
let size = -1;
let used = 0;

/** Starts a line on a plant of `horizon` days: every array handed out before is free again. */
export function beginLine(horizon: number): void {
  if (horizon !== size) {
    arrays = [];
    size = horizon;
  }
  used = 0;
}

/** A horizon-long array for this line only; its content is left over (the caller fills it). */
export function lineArray(): Float64Array {
  if (size < 0) throw new Error('lineArray outside a line (beginLine first)');
  if (used === arrays.length) arrays.push(new Float64Array(size));
  return arrays[used++]!;
}
