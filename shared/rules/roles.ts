/**
 * The roles of `promises.md` (People and roles), defined once: the contract, the stores, the
 * services and the screens all use these. What each role may do is `permissions.ts`; who must
 * approve what is `approvals.ts`.
 */
export const ROLES = ['sales', 'operations', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that approve: capacity reasons go to operations, commercial ones to a manager. */
export const APPROVING_ROLES = ['operations', 'manager'] as const;
export type ApprovingRole = (typeof APPROVING_ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** Someone who acts: a signed-in user, or `local` acting as admin in single-user mode. */
export interface ActorRef {
  name: string;
  role: Role;
}

/** Single-user mode: every action is allowed and recorded as `local`. */
export const LOCAL_ACTOR: ActorRef = { name: 'local', role: 'admin' };

/** A user's name compared as the spec says names are unique: ignoring case (after NFC). */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);
