/**
 * The team server's session token: 32 random bytes, sent by browsers as an HttpOnly,
 * SameSite=Strict cookie (never readable by the page's scripts) and by the desktop app and the
 * command line as `Authorization: Bearer`. Pure helpers, table-tested.
 */
import { createHash, randomBytes } from 'node:crypto';

export const COOKIE_NAME = 'pd_session';
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the session table is keyed by: a leaked table (a heap dump) does not hand out tokens. */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The token a request carries: a bearer header first (clients that are not browsers), else the cookie. */
export function requestToken(headers: { authorization?: string | undefined; cookie?: string | undefined }): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    return m && TOKEN_RE.test(m[1]!) ? m[1]! : null;
  }
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === COOKIE_NAME) {
      const v = part.slice(eq + 1).trim();
      return TOKEN_RE.test(v) ? v : null;
    }
  }
  return null;
}

/** `Secure` only over TLS: a browser drops a Secure cookie sent over plain HTTP. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${COOKIE_NAME}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The token in a `Set-Cookie` answer (how the desktop app and the command line learn theirs). */
export function tokenFromSetCookie(setCookie: readonly string[] | string | undefined): string | null {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie as string];
  for (const c of list) {
    const first = c.split(';')[0] ?? '';
    const eq = first.indexOf('=');
    if (first.slice(0, eq).trim() === COOKIE_NAME) {
      const v = first.slice(eq + 1).trim();
      if (TOKEN_RE.test(v)) return v;
    }
  }
  return null;
}
