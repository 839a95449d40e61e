/**
 * "The tables or promises changed": one window event, so that what shows derived data (the
 * at-risk count on the navigation, the capacity picture) refreshes after a save or an import.
 */
import { useEffect } from 'react';

const EVENT = 'promise-desk:data-changed';
const REMOTE = 'promise-desk:changed-elsewhere';

export function notifyDataChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function useDataChanged(callback: () => void): void {
  useEffect(() => {
    window.addEventListener(EVENT, callback);
    return () => window.removeEventListener(EVENT, callback);
  }, [callback]);
}

/** Someone else changed data (another window, person or instance): what shows it refreshes. */
export function notifyChangedElsewhere(): void {
  window.dispatchEvent(new Event(REMOTE));
  window.dispatchEvent(new Event(EVENT));
}

/** Only changes made elsewhere (the live check: this window's own confirm must not re-check it). */
export function useChangedElsewhere(callback: () => void): void {
  useEffect(() => {
    window.addEventListener(REMOTE, callback);
    return () => window.removeEventListener(REMOTE, callback);
  }, [callback]);
}
