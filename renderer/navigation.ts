/**
 * Where the window is: `#/<screen>[/<param>]` in the address's fragment, so a promise has a real
 * link (`#/promise/P-000001`) that works with the keyboard, the back button and a reload. Changing
 * the fragment never loads a page, so the desktop shell's "no navigation" rule is untouched.
 */
import { useEffect, useState } from 'react';

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
  window.location.hash = hrefTo(screen, param);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
