/**
 * What the team server asks before a channel runs, and what a channel tells everyone after it.
 * `open`: anyone (who the server is, the session, signing in and out); `read`: a signed-in
 * session; `change`: a signed-in session once the first admin exists (the services then enforce
 * the user's role). The type makes the table complete: a new channel does not compile until it
 * is placed here.
 */
import type { Channel } from '../../../shared/contract';

export type Access = 'open' | 'read' | 'change';
/** What a successful change invalidates on every open window. */
export type ChangeKind = 'promises' | 'tables' | 'users';

export const CHANNEL_ACCESS: { [C in Channel]: { access: Access; changes?: ChangeKind } } = {
  'app:info': { access: 'open' },
  'session:get': { access: 'open' },
  'session:signin': { access: 'open' },
  'session:signout': { access: 'open' },

  'plant:summary': { access: 'read' },
  'check:run': { access: 'read' },
  'capacity:around': { access: 'read' },
  'tables:load': { access: 'read' },
  'workbook:download': { access: 'read' },
  'capacity:picture': { access: 'read' },
  'capacity:holders': { access: 'read' },
  'history:list': { access: 'read' },
  'risk:list': { access: 'read' },
  'risk:count': { access: 'read' },
  'risk:recheck': { access: 'read' },
  'users:list': { access: 'read' },
  'promises:list': { access: 'read' },
  'promises:get': { access: 'read' },
  'approvals:queue': { access: 'read' },
  'approvals:count': { access: 'read' },
  'summary:export': { access: 'read' },
  'summary:verify': { access: 'read' },

  'tables:save': { access: 'change', changes: 'tables' },
  // What a save or an undo would do: nothing changes until it is applied.
  'tables:impact': { access: 'read' },
  'undo:preview': { access: 'read' },
  'undo:apply': { access: 'change', changes: 'tables' },
  // A preview stages a workbook for one user; nothing changes until it is applied.
  'workbook:preview': { access: 'change' },
  'workbook:choose': { access: 'change' },
  'workbook:apply': { access: 'change', changes: 'tables' },
  'workbook:save': { access: 'read' },
  'risk:repromise': { access: 'change', changes: 'promises' },
  'risk:cancel': { access: 'change', changes: 'promises' },
  'users:add': { access: 'change', changes: 'users' },
  'users:disable': { access: 'change', changes: 'users' },
  'users:role': { access: 'change', changes: 'users' },
  'users:passphrase': { access: 'change', changes: 'users' },
  'promises:draft': { access: 'change', changes: 'promises' },
  'promises:confirm': { access: 'change', changes: 'promises' },
  'promises:submit': { access: 'change', changes: 'promises' },
  'promises:approve': { access: 'change', changes: 'promises' },
  'promises:reject': { access: 'change', changes: 'promises' },
  'promises:cancel': { access: 'change', changes: 'promises' },
  'promises:fulfil': { access: 'change', changes: 'promises' },
  'summary:save': { access: 'read' },
  // Answered by the desktop app only; here they say so.
  'connection:get': { access: 'open' },
  'connection:set': { access: 'open' },
};

/**
 * Whether a successful answer changed anything: the promise and table channels answer refusals
 * as values (`done: false`, `saved: false`, `confirmed: false`, `ok: false`), which change nothing.
 */
export function answerChanged(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  const v = value as Record<string, unknown>;
  return v.done !== false && v.saved !== false && v.confirmed !== false && v.ok !== false;
}
