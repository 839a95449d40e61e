/**
 * Work typed but not saved is never lost without asking. A screen holding such work says so with
 * `useUnsaved`; then leaving the screen (navigation.ts asks `leaveAllowed`), reloading or closing
 * the window (the browser's beforeunload; in the desktop app the shell turns the same event into
 * a question, main/shell/unsaved-close.ts) first asks whether to leave.
 */
import { useEffect } from 'react';

export interface Unsaved {
  /** Says what would be lost, e.g. "3 unsaved changes to the tables". */
  what: string;
}

let current: Unsaved | null = null;
type Asker = (target: string, u: Unsaved) => void;
const askers = new Set<Asker>();

/** Registers the window's question (the App's leave dialog); returns how to stop. */
export function onAskToLeave(f: Asker): () => void {
  askers.add(f);
  return () => void askers.delete(f);
}

/**
 * Before going to `target` (an address fragment): true when nothing is unsaved; otherwise the
 * question is put (it goes on with `leaveTo` when the person agrees) and the answer is false.
 */
export function leaveAllowed(target: string): boolean {
  if (!current) return true;
  const u = current;
  if (askers.size === 0) {
    const ok = window.confirm(`Leave without saving? ${u.what} would be lost.`);
    if (ok) current = null;
    return ok;
  }
  for (const a of askers) a(target, u);
  return false;
}

/** The person chose to leave: the work is dropped and the window goes on. */
export function leaveTo(target: string): void {
  current = null;
  window.location.hash = target;
}

/** While `count` is above 0 the screen holds unsaved work described by `what`. */
export function useUnsaved(count: number, what: string): void {
  useEffect(() => {
    if (count === 0) return;
    const mine = { what };
    current = mine;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      // Both forms: browsers ask when the default is prevented, older ones look at returnValue.
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      if (current === mine) current = null;
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [count, what]);
}
