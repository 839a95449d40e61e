/**
 * The Tables screen's keys, wherever the focus is on the page: Ctrl+S saves, Ctrl+F goes to
 * Find, Ctrl+Z undoes and Ctrl+Y or Ctrl+Shift+Z redoes the grid's last edit (inside a text box
 * those two keep their usual meaning for the text being typed). Cmd on a Mac.
 */
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  save(): void;
  find(): void;
  undo(): void;
  redo(): void;
}

const typingIn = (t: EventTarget | null) => t instanceof HTMLInputElement && t.type !== 'checkbox' && t.type !== 'file';

export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, typing: boolean): keyof Shortcuts | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 's') return 'save';
  if (k === 'f') return 'find';
  if (typing) return null;
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y') return 'redo';
  return null;
}

export function useShortcuts(actions: Shortcuts): void {
  // The latest actions, without re-adding the listener on every render.
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      const which = shortcutFor(e, typingIn(e.target));
      if (!which || e.defaultPrevented) return;
      e.preventDefault();
      ref.current[which]();
    };
    document.addEventListener('keydown', on);
    return () => document.removeEventListener('keydown', on);
  }, []);
}
