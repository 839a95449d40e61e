/**
 * Undo and redo over immutable states: the states before (`past`), the one shown, and those
 * undone (`future`, cleared by a new change). Each change the grid makes (a cell, a paste, a
 * fill) is one entry, so Ctrl+Z and Ctrl+Y step by what the person did.
 */
export interface UndoStack<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

/** How many steps are kept: enough for a session of edits, bounded for a table of 100,000 rows. */
export const UNDO_LIMIT = 200;

export const startStack = <T>(present: T): UndoStack<T> => ({ past: [], present, future: [] });

export function record<T>(s: UndoStack<T>, next: T, limit = UNDO_LIMIT): UndoStack<T> {
  if (Object.is(next, s.present)) return s;
  return { past: [...s.past, s.present].slice(-limit), present: next, future: [] };
}

export function undo<T>(s: UndoStack<T>): UndoStack<T> {
  if (s.past.length === 0) return s;
  return { past: s.past.slice(0, -1), present: s.past[s.past.length - 1]!, future: [s.present, ...s.future] };
}

export function redo<T>(s: UndoStack<T>): UndoStack<T> {
  if (s.future.length === 0) return s;
  return { past: [...s.past, s.present], present: s.future[0]!, future: s.future.slice(1) };
}
