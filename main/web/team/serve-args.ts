/**
 * The arguments of `npm run serve`, checked before anything starts: each bad one named in a
 * sentence (the caller prints it with the usage line and exits 2).
 */
import { parseArgs } from 'node:util';
import { SERVER_POOL_SIZE } from '../../desk/open-desk';
import { LOOPBACK } from './team-server';

export const SERVE_USAGE =
  'usage: npm run serve -- --db postgres://USER@HOST/DB [--host H] [--port N] [--tls-cert FILE --tls-key FILE] [--idle-minutes N] [--pool N]';

export interface ServeArgs {
  db: string;
  port: number;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
  idleMinutes?: number;
  /** Connections to the database at most (SERVER_POOL_SIZE unless given). */
  pool: number;
  asOf?: string;
  rendererDir?: string;
}

/** Most connections one instance may ask for: PostgreSQL's own default allows 100 in all. */
export const MAX_POOL = 100;

export function parseServeArgs(argv: string[], env: Record<string, string | undefined>): { ok: true; args: ServeArgs } | { ok: false; message: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'idle-minutes': { type: 'string' },
        pool: { type: 'string' },
        'as-of': { type: 'string' },
        'renderer-dir': { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const fail = (message: string) => ({ ok: false as const, message });
  const whole = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : Number.NaN);
  const db = values.db ?? env.PROMISE_DB;
  if (!db) return fail('--db is required (or PROMISE_DB): the team database, postgres://…');
  const port = values.port === undefined ? 8443 : whole(values.port);
  if (!(port >= 0 && port <= 65535)) return fail('--port must be a whole number from 0 to 65535');
  const idle = values['idle-minutes'] === undefined ? undefined : whole(values['idle-minutes']);
  if (idle !== undefined && !(idle >= 1 && idle <= 24 * 60)) return fail('--idle-minutes must be a whole number from 1 to 1440');
  const pool = values.pool === undefined ? SERVER_POOL_SIZE : whole(values.pool);
  if (!(pool >= 1 && pool <= MAX_POOL)) return fail(`--pool must be a whole number from 1 to ${MAX_POOL} (connections to the database; about twice its cores, shared by the instances)`);
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) return fail('--tls-cert and --tls-key go together');
  if (values['tls-cert'] === undefined && values.host !== undefined && values.host !== LOOPBACK && values.host !== 'localhost') {
    return fail(`--host ${values.host} needs TLS: without --tls-cert and --tls-key the server listens on loopback only (passphrases and sessions would cross the network in clear)`);
  }
  return {
    ok: true,
    args: {
      db,
      port,
      pool,
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values['tls-cert'] !== undefined ? { tlsCert: values['tls-cert'], tlsKey: values['tls-key']! } : {}),
      ...(idle !== undefined ? { idleMinutes: idle } : {}),
      ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
      ...(values['renderer-dir'] !== undefined ? { rendererDir: values['renderer-dir'] } : {}),
    },
  };
}
