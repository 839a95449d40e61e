/**
 * Which URLs are our own app: pure predicates (no electron) so they get table tests.
 * The renderer is served from `app://promise-desk/`, a privileged standard scheme, never file://.
 */
import { normalize, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'promise-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://promise-desk/...` with no port, user or password. */
export function isTrustedUrl(url: unknown): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** The app never navigates: it is one page. Links to elsewhere are not followed in the window. */
export function isAllowedNavigation(_url: unknown): boolean {
  return false;
}

/** Every permission (camera, notifications, clipboard, geolocation…) is refused. */
export function isAllowedPermission(_permission: string): boolean {
  return false;
}

/**
 * The file an `app://` request names under `root`, or null when it is not ours or would leave
 * `root` (`..`, encoded slashes, NUL). `/` is the index page.
 */
export function resolveAppFile(root: string, url: unknown): string | null {
  if (!isTrustedUrl(url)) return null;
  const u = new URL(url as string);
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, '.' + normalize(path));
  return file.startsWith(base + sep) ? file : null;
}
