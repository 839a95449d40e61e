/**
 * Who is signed in, as the main process says (`session:get`): the frame shows it, the screens
 * offer what it may do. A call answered `unauthenticated` (the session ended: signed out
 * elsewhere, idle, or the user disabled) asks the frame to look again, which shows sign-in.
 */
import { createContext, useContext } from 'react';
import type { AppError } from '../../shared/contract';
import type { SessionView } from '../../shared/contract-promises';

export interface SessionState {
  session: SessionView | null;
  /** Asks the main process again (after sign-in, sign-out, or an `unauthenticated` answer). */
  refresh(): void;
  /** Sets what a sign-in or sign-out answered, without asking again. */
  set(session: SessionView): void;
}

export const SessionContext = createContext<SessionState>({ session: null, refresh: () => undefined, set: () => undefined });

export function useSession(): SessionState {
  return useContext(SessionContext);
}

const EVENT = 'promise-desk:session-ended';

/** Call with any error a screen got: when it says the session ended, the frame shows sign-in. */
export function noticeSessionEnd(error: AppError | null | undefined): void {
  if (error?.code === 'unauthenticated') window.dispatchEvent(new Event(EVENT));
}

export function onSessionEnd(f: () => void): () => void {
  window.addEventListener(EVENT, f);
  return () => window.removeEventListener(EVENT, f);
}
