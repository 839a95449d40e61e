/**
 * Who may do what (`promises.md`, People and roles), as one table of pure predicates. The gate
 * (`main/access/authorize.ts`) enforces it where data changes; the session view and a promise's
 * "may" flags read the same table, so the screens offer only what will be accepted. Who must
 * approve a particular promise is the approvals rule (`approvals.ts`).
 */
import { sameName, type ActorRef, type Role } from './roles';

export type Permission =
  /** Check, save drafts, confirm an ok check, submit one that needs approval (a re-promise confirms its replacement). */
  | 'promises:make'
  /** Cancel a promise made by `createdBy`: sales their own; operations, managers and admins any. */
  | 'promises:cancel'
  /** Mark a confirmed promise fulfilled. */
  | 'promises:fulfil'
  /** Approve or reject a promise that waits for approval (which role's decision is due: `approvals.ts`). */
  | 'promises:decide'
  /** Import a workbook, edit the operations tables, undo a change of them. */
  | 'tables:edit'
  /** Add and disable users, change roles. */
  | 'users:administer';

/** What a permission is about: the promise's maker, for cancelling. */
export interface PermissionSubject {
  createdBy?: string;
}

const ROLE_MAY: Record<Exclude<Permission, 'promises:cancel'>, readonly Role[]> = {
  'promises:make': ['sales', 'operations', 'manager', 'admin'],
  'promises:fulfil': ['operations', 'admin'],
  'promises:decide': ['operations', 'manager', 'admin'],
  'tables:edit': ['operations', 'admin'],
  'users:administer': ['admin'],
};

export function permits(actor: ActorRef, permission: Permission, subject: PermissionSubject = {}): boolean {
  if (permission === 'promises:cancel') return actor.role !== 'sales' || sameName(actor.name, subject.createdBy ?? '');
  return ROLE_MAY[permission].includes(actor.role);
}

/** The end of "NAME (ROLE) may not …", for the refusal. */
export const FORBIDDEN: Record<Permission, string> = {
  'promises:make': 'make promises',
  'promises:cancel': 'cancel this promise (sales cancel their own; operations, managers and admins any)',
  'promises:fulfil': 'mark promises fulfilled (operations and admin only)',
  'promises:decide': 'approve or reject promises (operations, managers and admins only)',
  'tables:edit': 'change the operations tables (operations and admin only)',
  'users:administer': 'add, disable or change users (admin only)',
};

/** The refusal sentence for `actor` lacking `permission`. */
export function forbiddenMessage(actor: ActorRef, permission: Permission, subject: PermissionSubject = {}): string {
  const whose = permission === 'promises:cancel' && subject.createdBy ? ` ${subject.createdBy}'s` : '';
  return `${actor.name} (${actor.role}) may not ${FORBIDDEN[permission]}${whose ? `; it is${whose}` : ''}.`;
}
