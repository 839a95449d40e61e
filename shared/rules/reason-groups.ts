/**
 * Which reasons can be approved, and by whom (`promises.md`, submit): capacity reasons go to
 * operations, commercial reasons to a manager. The other reasons (short of capacity, components,
 * stock, transit, horizon) make a check `not_feasible` and no approval covers them. Defined once
 * here: the approvals rule, revalidation (which reasons a promise's approvals cover) and the
 * screens' words all read these groups.
 */
import type { CheckResult, ReasonCode } from '../schemas/check';
import type { ApprovingRole } from './roles';

export const CAPACITY_REASONS = ['needs_overtime', 'needs_express'] as const satisfies readonly ReasonCode[];
export const COMMERCIAL_REASONS = ['margin_below_floor', 'discount_above_limit'] as const satisfies readonly ReasonCode[];
export type CapacityReason = (typeof CAPACITY_REASONS)[number];
export type CommercialReason = (typeof COMMERCIAL_REASONS)[number];
export type ApprovableReason = CapacityReason | CommercialReason;

const APPROVER: Record<ApprovableReason, ApprovingRole> = {
  needs_overtime: 'operations',
  needs_express: 'operations',
  margin_below_floor: 'manager',
  discount_above_limit: 'manager',
};

/** The role that approves `code`, or null when no approval covers it. */
export function approverOf(code: ReasonCode): ApprovingRole | null {
  return (APPROVER as Partial<Record<ReasonCode, ApprovingRole>>)[code] ?? null;
}

export function isApprovable(code: ReasonCode): code is ApprovableReason {
  return approverOf(code) !== null;
}

/** Every reason code of a check result, each once, in the order the lines give them. */
export function reasonCodes(result: Pick<CheckResult, 'lines'>): ReasonCode[] {
  return [...new Set(result.lines.flatMap((l) => l.reasons.map((r) => r.code)))];
}

/** The approvable reason codes of a result: what an approval of it covers. */
export function approvableCodes(result: Pick<CheckResult, 'lines'>): ApprovableReason[] {
  return reasonCodes(result).filter(isApprovable);
}
