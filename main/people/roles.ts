/**
 * Who may do what (`promises.md`, People and roles), as pure predicates with table tests. The main
 * process and the command line call these where data changes; the interface only mirrors them.
 */
import { CAPACITY_REASONS, COMMERCIAL_REASONS, type CheckResult, type ReasonCode } from '../../shared/schemas/check';
import { nameKey } from './passphrase';

export const ROLES = ['sales', 'operations', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** The roles that approve: capacity reasons go to operations, commercial ones to a manager. */
export type ApprovingRole = 'operations' | 'manager';

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** The approvals a check needs, in a fixed order (operations first). */
export function approvalsNeeded(result: CheckResult): ApprovingRole[] {
  const codes = new Set<ReasonCode>(result.lines.flatMap((l) => l.reasons.map((r) => r.code)));
  const needed: ApprovingRole[] = [];
  if (CAPACITY_REASONS.some((c) => codes.has(c))) needed.push('operations');
  if (COMMERCIAL_REASONS.some((c) => codes.has(c))) needed.push('manager');
  return needed;
}

/**
 * The needed roles an approval by `role` covers: its own, or every one still open for an admin.
 * Empty when the role has nothing to approve here.
 */
export function rolesCovered(role: Role, stillNeeded: readonly ApprovingRole[]): ApprovingRole[] {
  if (role === 'admin') return [...stillNeeded];
  return stillNeeded.filter((r) => r === role);
}

/** Checking, drafting, confirming an ok check and submitting: every role. */
export const mayPromise = (_role: Role) => true;
export const mayFulfil = (role: Role) => role === 'operations' || role === 'admin';
/** Importing and editing the operations tables. */
export const mayEditOperations = (role: Role) => role === 'operations' || role === 'admin';
export const mayAdministerUsers = (role: Role) => role === 'admin';

/** Sales cancel their own promises; operations, managers and admins any. */
export function mayCancel(role: Role, actor: string, createdBy: string): boolean {
  if (role === 'sales') return nameKey(actor) === nameKey(createdBy);
  return true;
}
