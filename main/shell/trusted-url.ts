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
 * The file a URL path names under `root`, or null when it would leave `root` (`..`, encoded
 * slashes, backslashes, NUL). `/` is the index page. Shared by app:// and the browser preview.
 */
export function resolveStaticFile(root: string, pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || !path.startsWith('/')) return null;
  if (path === '/') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, '.' + normalize(path));
  return file.startsWith(base + sep) ? file : null;
}

/** The file an `app://promise-desk/...` request names under `root`, or null. */
export function resolveAppFile(root: string, url: unknown): string | null {
  if (!isTrustedUrl(url)) return null;
  return resolveStaticFile(root, new URL(url as string).pathname);
}
