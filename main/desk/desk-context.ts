/**
 * The handlers' context for one session on the desk: every change it makes is that session's
 * user's. The desktop app and the preview have one session; the team server one per sign-in.
 */
import type { HandlerContext } from '../handlers/backend';
import { operationsBackend, type WorkbookDialogs } from '../handlers/operations-service-backend';
import { promisesBackend, sessionActor, type SummaryDialogs } from '../handlers/promises-service-backend';
import { serviceBackend } from '../handlers/service-backend';
import type { DeskSession } from '../session/desk-session';
import type { Desk } from './open-desk';

export interface ContextExtras {
  app: HandlerContext['app'];
  /** The desktop app's file dialogs (main/shell/): absent in the browser. */
  dialogs?: { workbook: WorkbookDialogs; summary: SummaryDialogs };
}

/** A context maker for the desk: the check side is shared by every session. */
export function deskContexts(desk: Desk, extras: ContextExtras): (session: DeskSession) => HandlerContext {
  const backend = serviceBackend(desk.checks);
  return (session) => ({
    backend,
    operations: operationsBackend({ checks: desk.checks, ops: desk.ops }, { actor: () => sessionActor(session), ...(extras.dialogs ? { dialogs: extras.dialogs.workbook } : {}) }),
    promises: promisesBackend({ promises: desk.promises, people: desk.people, session, store: desk.store, ...(extras.dialogs ? { dialogs: extras.dialogs.summary } : {}) }),
    app: extras.app,
  });
}
