/**
 * The one gate every data-changing call of the operations workspace passes, in the main process
 * and the command line alike (`promises.md`: roles are enforced where data is changed, never only
 * in the interface). Who the actor is comes from the people service (a signed-in user, or `local`
 * acting as admin in single-user mode); what each role may do comes from `people/roles.ts`.
 */
import { mayCancel, mayEditOperations, mayPromise, type Role } from '../people/roles';

export interface ActorRef {
  name: string;
  role: Role;
}

/** Single-user mode: every action is allowed and recorded as `local`. */
export const LOCAL_ACTOR: ActorRef = { name: 'local', role: 'admin' };

export type Permission =
  /** Import a workbook, edit the operations tables. */
  | 'tables:edit'
  /** Confirm a promise (a re-promise confirms its replacement). */
  | 'promises:confirm'
  /** Cancel a promise made by `createdBy`. */
  | 'promises:cancel';

export class ForbiddenError extends Error {
  constructor(
    readonly actor: ActorRef,
    readonly permission: Permission,
    message: string,
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export function permits(actor: ActorRef, permission: Permission, subject: { createdBy?: string } = {}): boolean {
  switch (permission) {
    case 'tables:edit':
      return mayEditOperations(actor.role);
    case 'promises:confirm':
      return mayPromise(actor.role);
    case 'promises:cancel':
      return mayCancel(actor.role, actor.name, subject.createdBy ?? '');
  }
}

const WHAT: Record<Permission, string> = {
  'tables:edit': 'change the operations tables (operations and admin only)',
  'promises:confirm': 'confirm promises',
  'promises:cancel': 'cancel this promise (sales cancel their own; operations, managers and admins any)',
};

/** Throws a ForbiddenError naming who and what, unless the actor may. */
export function authorize(actor: ActorRef, permission: Permission, subject: { createdBy?: string } = {}): void {
  if (!permits(actor, permission, subject)) throw new ForbiddenError(actor, permission, `${actor.name} (${actor.role}) may not ${WHAT[permission]}.`);
}
