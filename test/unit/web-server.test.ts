/** The browser preview server: loopback only, our Host only, the per-run token only. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../main/web/web-server';
import { isAllowedHost, isAllowedOrigin, isValidToken } from '../../main/web/request-guard';
import { fakeContext } from '../fakes/fake-context';

let server: WebServer;

/** A raw request, so the Host and Origin headers can be anything. */
function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send({ method: 'POST', path: `/api/${channel}`, body: JSON.stringify(body), headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-promise-desk-token': server.token, ...headers } });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Promise Desk</title>');
  server = await startWebServer({ ctx: fakeContext(), rendererDir: dir });
});
afterAll(() => server.close());

describe('the preview server', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('is not reachable on another local address', async () => {
    const other = new Promise((resolve) => {
      const req = request({ host: '127.0.0.2', port: server.port, path: '/' }, () => resolve('answered'));
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code));
      req.end();
    });
    expect(await other).toBe('ECONNREFUSED');
  });

  it('serves the page with the CSP to our Host', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const r = await send({ path: '/', headers: { host } });
      expect(r.status).toBe(200);
      expect(r.body).toContain('<title>Promise Desk</title>');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it.each(['evil.example', `evil.example:${'PORT'}`, '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT'])('refuses the Host header %s', async (h) => {
    const host = h.replace('PORT', String(server.port));
    expect((await send({ path: '/', headers: { host } })).status).toBe(403);
    const r = await api('app:info', undefined, { host });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const missing = await send({ method: 'POST', path: '/api/app:info', headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json' }, body: '' });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const token of ['', 'x', server.token.slice(1), server.token + 'x', server.token.toUpperCase()]) {
      if (token === server.token) continue;
      expect((await api('app:info', undefined, { 'x-promise-desk-token': token })).status).toBe(403);
    }
  });

  it('refuses another page\'s Origin, and non-JSON bodies', async () => {
    expect((await api('app:info', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('app:info', undefined, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send({ method: 'GET', path: '/api/app:info', headers: { host: `127.0.0.1:${server.port}`, 'x-promise-desk-token': server.token } })).status).toBe(405);
  });

  it('answers the contract with the token, through the same dispatch', async () => {
    const info = await api('app:info', undefined, { origin: `http://127.0.0.1:${server.port}` });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { runtime: 'web' } });
    const bad = JSON.parse((await api('capacity:around', { resource_ids: [] })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const unknown = JSON.parse((await api('db:exec', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const notJson = await send({ method: 'POST', path: '/api/app:info', headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-promise-desk-token': server.token }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/missing.js']) {
      expect((await send({ path, headers: { host: `127.0.0.1:${server.port}` } })).status, path).toBe(404);
    }
  });
});

describe('request guards', () => {
  it.each([
    ['127.0.0.1:5000', 5000, true],
    ['localhost:5000', 5000, true],
    ['LOCALHOST:5000', 5000, true],
    ['127.0.0.1:5001', 5000, false],
    ['[::1]:5000', 5000, false],
    ['0.0.0.0:5000', 5000, false],
    ['evil.example:5000', 5000, false],
    [undefined, 5000, false],
  ])('host %s on port %i → %s', (host, port, ok) => {
    expect(isAllowedHost(host, port)).toBe(ok);
  });

  it('accepts no Origin or our own', () => {
    expect(isAllowedOrigin(undefined, 5000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedOrigin('null', 5000)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5001', 5000)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(isValidToken('abc', 'abc')).toBe(true);
    expect(isValidToken('abd', 'abc')).toBe(false);
    expect(isValidToken(['abc'], 'abc')).toBe(false);
    expect(isValidToken(undefined, 'abc')).toBe(false);
  });
});
