/**
 * The one gate every change passes, in the main process, the servers and the command line alike
 * (`promises.md`: roles are enforced where data is changed, never only in the interface): the
 * promise service (every move of a promise), the operations services (import, table edits, undo)
 * and the people service (users). Who the actor is comes from the session (a signed-in user, or
 * `local` acting as admin in single-user mode); what each role may do is `shared/rules/permissions.ts`.
 */
import { forbiddenMessage, permits, type Permission, type PermissionSubject } from '../../shared/rules/permissions';
import type { ActorRef } from '../../shared/rules/roles';

export type { ActorRef, Permission };
export { LOCAL_ACTOR } from '../../shared/rules/roles';

export class ForbiddenError extends Error {
  readonly kind = 'forbidden';
  constructor(
    readonly actor: ActorRef,
    readonly permission: Permission,
    message: string,
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Throws a ForbiddenError naming who and what, unless the actor may. */
export function authorize(actor: ActorRef, permission: Permission, subject: PermissionSubject = {}): void {
  if (!permits(actor, permission, subject)) throw new ForbiddenError(actor, permission, forbiddenMessage(actor, permission, subject));
}
