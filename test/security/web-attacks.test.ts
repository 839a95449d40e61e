/**
 * Issue #13 row 7: a malformed `%` escape in the address killed the preview server, with no token
 * needed. It must answer 400 (or refuse without the token) and keep serving.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../main/web/web-server';
import { fakeContext } from '../fakes/fake-context';

let server: WebServer;

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-web-attack-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Promise Desk</title>');
  server = await startWebServer({ ctx: fakeContext(), rendererDir: dir });
});
afterAll(() => server.close());

describe('row 7: broken escapes in the address', () => {
  it('GET /api/%ZZ and POST /api/%E0%A4%A without a token: refused, and the server keeps serving', async () => {
    expect((await send('GET', '/api/%ZZ')).status).toBe(403);
    expect((await send('POST', '/api/%E0%A4%A', { 'content-type': 'application/json' })).status).toBe(403);
    expect((await send('GET', '/%ZZ')).status).toBe(404);
    expect((await send('GET', '/')).status).toBe(200);
  });

  it('with the token: 400 for the broken escape, and the server keeps serving', async () => {
    const auth = { 'x-promise-desk-token': server.token, 'content-type': 'application/json' };
    const r = await send('POST', '/api/%E0%A4%A', auth);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((await send('POST', '/api/%ZZ', auth)).status).toBe(400);
    expect((await send('POST', '/api/app%3Ainfo', auth)).status).toBe(200);
  });

  it('the token is checked before the method: no token, wrong method, still 403', async () => {
    expect((await send('GET', '/api/app:info')).status).toBe(403);
  });
});
