/**
 * Session and web-contents rules: CSP on every response, every permission refused, no
 * navigation, no new windows, no <webview>. The decisions are the pure predicates of
 * trusted-url.ts; this file only attaches them.
 */
import type { Session, WebContents } from 'electron';
import { SECURITY_HEADERS } from './csp';
import { isAllowedNavigation, isAllowedPermission } from './trusted-url';

export function applySessionSecurity(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, ...Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([k, v]) => [k, [v]])) } });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
}

/** For every web contents the app creates (attached on `web-contents-created`). */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
