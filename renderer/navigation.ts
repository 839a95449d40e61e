/**
 * Where the window is: `#/<screen>[/<param>]` in the address's fragment, so a promise has a real
 * link (`#/promise/P-000001`) that works with the keyboard, the back button and a reload. Changing
 * the fragment never loads a page, so the desktop shell's "no navigation" rule is untouched.
 * Leaving a screen with unsaved work asks first (unsaved.ts), however the address changes.
 */
import { useEffect, useState } from 'react';
import { leaveAllowed } from './unsaved';

export interface Route {
  screen: string;
  param: string | null;
}

export function parseHash(hash: string): Route {
  const m = /^#\/([a-z-]+)(?:\/([^/]+))?\/?$/.exec(hash);
  if (!m) return { screen: '', param: null };
  let param: string | null = null;
  try {
    param = m[2] === undefined ? null : decodeURIComponent(m[2]);
  } catch {
    param = null;
  }
  return { screen: m[1]!, param };
}

export function hrefTo(screen: string, param?: string | null): string {
  return `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

export function go(screen: string, param?: string | null): void {
  const target = hrefTo(screen, param);
  if (target === window.location.hash) return;
  if (leaveAllowed(target)) window.location.hash = target;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const on = () => {
      const target = window.location.hash;
      if (target === shown) return;
      // A link, the back button or a typed address: the screen stays until the person agrees.
      if (!leaveAllowed(target)) {
        window.history.replaceState(null, '', shown || window.location.pathname + window.location.search);
        return;
      }
      shown = target;
      setRoute(parseHash(target));
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
