/** `npm run serve`'s arguments: defaults, and each bad one refused in a sentence naming it. */
import { describe, expect, it } from 'vitest';
import { SERVER_POOL_SIZE } from '../../../main/desk/open-desk';
import { MAX_POOL, parseServeArgs } from '../../../main/web/team/serve-args';

const DB = 'postgres://desk@db.example/promises';
const parse = (args: string[], env: Record<string, string> = {}) => parseServeArgs(args, env);
const refusal = (args: string[], env: Record<string, string> = {}) => {
  const r = parse(args, env);
  return r.ok ? null : r.message;
};

describe('npm run serve arguments', () => {
  it('takes the database from --db or PROMISE_DB, port 8443 and a pool of SERVER_POOL_SIZE by default', () => {
    expect(parse(['--db', DB])).toEqual({ ok: true, args: { db: DB, port: 8443, pool: SERVER_POOL_SIZE } });
    expect(parse([], { PROMISE_DB: DB })).toEqual({ ok: true, args: { db: DB, port: 8443, pool: SERVER_POOL_SIZE } });
    expect(SERVER_POOL_SIZE).toBe(8);
  });

  it('takes a pool size from 1 to MAX_POOL', () => {
    expect(parse(['--db', DB, '--pool', '3'])).toMatchObject({ ok: true, args: { pool: 3 } });
    expect(parse(['--db', DB, '--pool', String(MAX_POOL)])).toMatchObject({ ok: true, args: { pool: MAX_POOL } });
    for (const bad of ['0', String(MAX_POOL + 1), '2.5', '-1', 'ten', '', '0x8']) expect(refusal(['--db', DB, `--pool=${bad}`]), bad).toMatch(/^--pool must be a whole number from 1 to 100/);
  });

  it('refuses what it cannot serve safely or at all, naming the argument', () => {
    expect(refusal([])).toMatch(/^--db is required/);
    expect(refusal(['--db', DB, '--port', '70000'])).toMatch(/^--port must be/);
    expect(refusal(['--db', DB, '--idle-minutes', '0'])).toMatch(/^--idle-minutes must be/);
    expect(refusal(['--db', DB, '--tls-cert', 'c.pem'])).toBe('--tls-cert and --tls-key go together');
    expect(refusal(['--db', DB, '--host', '0.0.0.0'])).toMatch(/^--host 0\.0\.0\.0 needs TLS/);
    expect(parse(['--db', DB, '--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toMatchObject({ ok: true, args: { host: '0.0.0.0', tlsCert: 'c.pem', tlsKey: 'k.pem' } });
    expect(refusal(['--db', DB, '--workers', '4'])).toMatch(/Unknown option '--workers'/);
  });
});
