/**
 * Who must still approve what (`promises.md`, submit and approve): the one function the promise
 * service decides with and the screens offer their buttons with. Capacity reasons need operations,
 * commercial ones a manager, both when both apply; an admin's approval covers every role still
 * needed; no one decides on a promise they submitted (except `local`, who does everything in
 * single-user mode); a role that approved already has nothing left to decide.
 */
import type { ReasonCode } from '../schemas/check';
import { approverOf } from './reason-groups';
import { APPROVING_ROLES, sameName, type ActorRef, type ApprovingRole, type Role } from './roles';

/** An approval or rejection on record (the store's rows, the contract's view). */
export interface DecisionOnRecord {
  role: string;
  decision: 'approved' | 'rejected';
}

/** The approvals a check with these reason codes needs, in a fixed order (operations first). */
export function approvalsNeeded(codes: Iterable<ReasonCode>): ApprovingRole[] {
  const roles = new Set<ApprovingRole>();
  for (const c of codes) {
    const r = approverOf(c);
    if (r) roles.add(r);
  }
  return APPROVING_ROLES.filter((r) => roles.has(r));
}

/** The approving roles whose approval is on record; an admin's covers them all. */
export function approvedRoles(approvals: readonly DecisionOnRecord[]): ApprovingRole[] {
  const roles = new Set(approvals.filter((a) => a.decision === 'approved').map((a) => a.role));
  return APPROVING_ROLES.filter((r) => roles.has(r) || roles.has('admin'));
}

/** The needed approvals not on record yet. */
export function approvalsMissing(codes: Iterable<ReasonCode>, approvals: readonly DecisionOnRecord[]): ApprovingRole[] {
  const done = new Set(approvedRoles(approvals));
  return approvalsNeeded(codes).filter((r) => !done.has(r));
}

/** Who submitted a promise for approval: the user of its last move to `awaiting_approval`. */
export function submitterOf(events: readonly { to: string; user: string }[]): string | null {
  return [...events].reverse().find((e) => e.to === 'awaiting_approval')?.user ?? null;
}

/** What the rule needs to know of a promise. */
export interface DecisionSubject {
  status: string;
  /** The reason codes of the check it was submitted with. */
  codes: readonly ReasonCode[];
  approvals: readonly DecisionOnRecord[];
  submittedBy: string | null;
}

export type Decision =
  /** `actor` may approve or reject now, recorded `as` this role, covering these of the `missing` roles. */
  | { due: true; as: Role; covers: ApprovingRole[]; missing: ApprovingRole[] }
  | { due: false; why: 'not_awaiting' | 'own_submission' | 'already_approved' | 'not_needed'; missing: ApprovingRole[] };

/** Whether `actor` has a decision to make on the promise now, and for which roles. */
export function decisionOf(actor: ActorRef, p: DecisionSubject): Decision {
  const missing = p.status === 'awaiting_approval' ? approvalsMissing(p.codes, p.approvals) : [];
  if (p.status !== 'awaiting_approval') return { due: false, why: 'not_awaiting', missing };
  if (actor.name !== 'local' && p.submittedBy !== null && sameName(p.submittedBy, actor.name)) return { due: false, why: 'own_submission', missing };
  const covers = actor.role === 'admin' ? missing : missing.filter((r) => r === actor.role);
  if (covers.length > 0) return { due: true, as: actor.role === 'admin' ? 'admin' : covers[0]!, covers, missing };
  const needed = approvalsNeeded(p.codes) as string[];
  return { due: false, why: needed.includes(actor.role) ? 'already_approved' : 'not_needed', missing };
}

/** Whether the approval of a due decision is the last one needed (the promise becomes confirmed). */
export const completesApproval = (d: Extract<Decision, { due: true }>) => d.covers.length === d.missing.length;
