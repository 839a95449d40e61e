/**
 * The handlers' context for one session on the desk: every change it makes is that session's
 * user's. The desktop app and the preview have one session; the team server one per sign-in.
 */
import type { HandlerContext } from '../handlers/context';
import { fromService } from '../handlers/errors';
import type { DeskSession } from '../session/desk-session';
import type { Desk } from './open-desk';

export type ContextExtras = Pick<HandlerContext, 'app' | 'dialogs'>;

export function deskContexts(desk: Desk, extras: ContextExtras): (session: DeskSession) => HandlerContext {
  return (session) => ({
    desk,
    session,
    // A missing sign-in is the `unauthenticated` error wherever the actor is asked for.
    actor: () => session.actor().catch((e: unknown) => Promise.reject(fromService(e))),
    app: extras.app,
    ...(extras.dialogs ? { dialogs: extras.dialogs } : {}),
  });
}
