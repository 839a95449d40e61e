/**
 * The order a check plans its lines in (`promise-check.md`: by requested date, then request
 * order), and which lines a re-check of the same request with one line changed can take from the
 * first check as they are.
 *
 * Why: offering an alternative re-checks the whole request with the line changed (alternatives.ts),
 * and that re-planning was four fifths of a 10-line check. A line reads only its own pools (its
 * stock, its routing's resources, its components' stock: pools-read.ts) and plans deterministically
 * from what they hold. A line of the re-check whose pools were taken from by exactly the same lines
 * with exactly the same plans as in the first check sees the same plant there, so it gets the same
 * answer and takes the same plan: it is taken as is. The others are planned again: the changed line
 * (each part of it), and every line that shares a pool with a line planned again before it, or
 * with the changed line once that line came before it in either check. On a plant of many products
 * most lines of a request share no pool with the changed one, so a re-check plans about one line,
 * not the half of the request after it. The answer is the same as planning every line again (a
 * property test compares the two).
 */
import type { LineResult } from '../schemas/check';
import type { PlantModel, ProductInfo } from './plant-model';
import type { PlanCalc } from './plans';
import { sharePools } from './pools-read';

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
 * Asked line by line in the re-check's planning order (every line once): which lines of the first
 * check (`first`, in its planning order) the re-check takes as they are.
 */
export class Reuse {
  /** Rank of each of the first request's lines in the first check's planning order. */
  private readonly rank: number[] = [];
  /** Products of the lines planned again so far, and of the changed line once it counts (see above). */
  private readonly dirty: ProductInfo[] = [];
  private changedCounts = false;

  constructor(
    private readonly model: PlantModel,
    private readonly first: readonly Planned[],
    private readonly changed: Change,
  ) {
    first.forEach((p, k) => (this.rank[p.index] = k));
  }

  /** The first check's line that line `i` of the re-check is, when it can be taken as is; null when it must be planned again. */
  taken(i: number): Planned | null {
    const { index, parts } = this.changed;
    if (i >= index && i < index + parts) {
      this.countChanged();
      return null;
    }
    // Lines after the changed one move along by the parts it became, less the one it was.
    const rank = this.rank[i < index ? i : i - parts + 1]!;
    // The changed line counts from the first line it preceded in the first check too.
    if (rank > this.rank[index]!) this.countChanged();
    const was = this.first[rank]!;
    const product = this.productOf(was);
    if (!this.dirty.some((d) => sharePools(d, product))) return was;
    this.dirty.push(product);
    return null;
  }

  /** The changed line's product (its parts are the same product) counts from here on. */
  private countChanged(): void {
    if (this.changedCounts) return;
    this.changedCounts = true;
    this.dirty.push(this.productOf(this.first[this.rank[this.changed.index]!]!));
  }

  private productOf(p: Planned): ProductInfo {
    return this.model.products.get(p.result.sku)!;
  }
}
