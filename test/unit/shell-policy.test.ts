/** The shell's security decisions are pure predicates: table tests. */
import { describe, expect, it } from 'vitest';
import { CSP, CSP_DIRECTIVES, SECURITY_HEADERS, contentType } from '../../main/shell/csp';
import { APP_START_URL, isAllowedNavigation, isAllowedPermission, isTrustedUrl, resolveAppFile, resolveStaticFile } from '../../main/shell/trusted-url';

describe('isTrustedUrl', () => {
  it.each([
    ['app://promise-desk/index.html', true],
    ['app://promise-desk/', true],
    ['app://promise-desk/assets/index-1.js?x=1#y', true],
    [APP_START_URL, true],
    ['app://PROMISE-DESK/index.html', false], // Chromium lowercases a standard scheme's host; anything else is not ours
    ['app://promise-desk.evil.com/index.html', false],
    ['app://evil/index.html', false],
    ['app://user:pw@promise-desk/index.html', false],
    ['app://promise-desk:8080/index.html', false],
    ['file:///work/main/dist/renderer/index.html', false],
    ['http://promise-desk/index.html', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['about:blank', false],
    ['javascript:alert(1)', false],
    ['', false],
    [undefined, false],
    [null, false],
    [42, false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedUrl(url)).toBe(trusted);
  });
});

describe('navigation and permissions', () => {
  it.each(['app://promise-desk/other.html', 'https://example.com', 'file:///etc/passwd', 'about:blank'])('never navigates to %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb'])('refuses the %s permission', (p) => {
    expect(isAllowedPermission(p)).toBe(false);
  });
});

describe('resolveStaticFile', () => {
  const root = '/srv/renderer';
  it.each([
    ['/', '/srv/renderer/index.html'],
    ['/index.html', '/srv/renderer/index.html'],
    ['/assets/a.js', '/srv/renderer/assets/a.js'],
    ['/assets/../index.html', '/srv/renderer/index.html'],
    ['/../secret.txt', '/srv/renderer/secret.txt'],
    ['/%2e%2e/%2e%2e/etc/passwd', '/srv/renderer/etc/passwd'],
    ['/..%2f..%2fetc/passwd', '/srv/renderer/etc/passwd'],
    ['/a%5c..%5c..%5cx', null],
    ['/a%00.js', null],
    ['/%E0%A4%A', null],
    ['relative.js', null],
  ])('%s → %s', (path, file) => {
    expect(resolveStaticFile(root, path)).toBe(file);
  });

  it('serves app:// only from our host', () => {
    expect(resolveAppFile(root, 'app://promise-desk/assets/a.js')).toBe('/srv/renderer/assets/a.js');
    expect(resolveAppFile(root, 'app://other/assets/a.js')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/renderer/index.html')).toBeNull();
  });
});

describe('the CSP', () => {
  it('allows scripts and styles only from our own files', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("base-uri 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).toContain("form-action 'none'");
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe|data:|blob:|https?:|\*/);
    expect(Object.keys(CSP_DIRECTIVES)).toContain('connect-src');
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('names content types for the built files', () => {
    expect(contentType('/x/index.html')).toMatch(/^text\/html/);
    expect(contentType('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(contentType('/x/a.css')).toMatch(/^text\/css/);
    expect(contentType('/x/a.bin')).toBe('application/octet-stream');
  });
});

describe('the page\'s own CSP', () => {
  it('is the header policy, less frame-ancestors (which a meta tag cannot set)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const expected = Object.entries(CSP_DIRECTIVES)
      .filter(([k]) => k !== 'frame-ancestors')
      .map(([k, v]) => `${k} ${v}`)
      .join('; ');
    expect(meta).toBe(expected);
  });
});
