import type { CheckRequest, CheckResult, Reason, ReasonCode } from '../schemas/check';
import type { Hold } from '../schemas/hold';

/** What a promise holds: derived from its schema (`schemas/hold.ts`). */
export type { Hold };

/** Opaque to callers: the in-memory plant built by `buildModel` (see model.ts). */
export type { PlantModel } from './plant-model';

export interface PromiseToRevalidate {
  id: string;
  request: CheckRequest;
  /** Reason codes its approvals cover (those it was submitted or approved with); empty for an `ok` confirm. */
  covered: readonly ReasonCode[];
  /**
   * The holds it has now; kept as they are when every dispatch date has passed. A replan reads no
   * other promise's holds, so a store reading promises for a replan as of a day may leave them
   * empty for the promises that do not wait to be fulfilled then (`waitsToBeFulfilled`): 130,000
   * hold objects on the big plant, read and then dropped (issue #15, speed).
   */
  holds: readonly Hold[];
  /**
   * The dispatch dates of its lines' held plans (from its last check: each line's chosen plan, or
   * its regular plan). `dispatchDatesOf(result)` gives them; a store may read them straight from
   * the stored result instead of parsing all of it.
   */
  dispatchDates: readonly string[];
}

export interface RevalidationOutcome {
  id: string;
  /** `false` when every dispatch date had passed and the promise was not checked again. */
  rechecked: boolean;
  /**
   * Always null: replanning keeps the new check's verdict only (holds, `atRisk`, `reasons`); the
   * stored result stays the one the promise was made with. Kept so that stores and tests written
   * against the full shape still type-check.
   */
  result: CheckResult | null;
  /** May be the promise's own list (same-holds.ts): read it, never change it. */
  holds: readonly Hold[];
  atRisk: boolean;
  reasons: Reason[];
}
