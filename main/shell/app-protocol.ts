/**
 * Serves the built renderer from `app://promise-desk/` (a privileged standard scheme), so the
 * page has a real origin that CSP and the IPC sender check can name, instead of file://.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentType, SECURITY_HEADERS } from './csp';
import { APP_SCHEME, resolveAppFile } from './trusted-url';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': contentType(file), ...SECURITY_HEADERS } });
    } catch {
      return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    }
  });
}
