/**
 * Who may drive the browser preview: only a page served by this very server. The Host header
 * must name our loopback address and port (so a DNS-rebinding page cannot), an Origin, when sent,
 * must be ours, and /api calls must carry the per-run token that only the printed URL holds.
 */
import { timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/** No Origin (same-origin GET, curl) is fine; a sent Origin must be our own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

export function isValidToken(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
