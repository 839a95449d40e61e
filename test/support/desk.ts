/**
 * The handlers' context over a real desk (main/desk/), as the app makes it: a session on the
 * desk's people, and who acts (the session's user unless a test says otherwise).
 */
import type { ActorRef } from '../../main/access/authorize';
import { deskContexts } from '../../main/desk/desk-context';
import type { Desk } from '../../main/desk/open-desk';
import type { HandlerContext } from '../../main/handlers/context';
import { DeskSession } from '../../main/session/desk-session';

export function contextOn(desk: Desk, opts: { session?: DeskSession; actor?: () => Promise<ActorRef> } = {}): HandlerContext {
  const ctx = deskContexts(desk, { app: { name: 'Promise Desk', version: '0.0.0-test', runtime: 'web', database: desk.where || '/tmp/test.db' } })(opts.session ?? new DeskSession(desk.people));
  return opts.actor ? { ...ctx, actor: opts.actor } : ctx;
}
