/**
 * "The tables or promises changed": one window event, so that what shows derived data (the
 * at-risk count on the navigation, the capacity picture) refreshes after a save or an import.
 */
import { useEffect } from 'react';

const EVENT = 'promise-desk:data-changed';

export function notifyDataChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function useDataChanged(callback: () => void): void {
  useEffect(() => {
    window.addEventListener(EVENT, callback);
    return () => window.removeEventListener(EVENT, callback);
  }, [callback]);
}
