/**
 * `npm run serve -- --db postgres://… [--host H] [--port N] [--tls-cert F --tls-key F]`: the team
 * server. Prints one line: its URL, and how it may be reached (loopback only without TLS; the
 * certificate's SHA-256 fingerprint when it signed itself, for desktops to pin).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openServedDesk } from './open-served-desk';
import { LOOPBACK, startTeamServer } from './team-server';
import { readTlsIdentity, type TlsIdentity } from './tls-identity';

const USAGE = 'usage: npm run serve -- --db postgres://USER@HOST/DB [--host H] [--port N] [--tls-cert FILE --tls-key FILE] [--idle-minutes N]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'idle-minutes': { type: 'string' }, 'as-of': { type: 'string' }, 'renderer-dir': { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    usage((e as Error).message);
  }
  const db = values.db ?? process.env.PROMISE_DB;
  if (!db) usage('--db is required (or PROMISE_DB): the team database, postgres://…');
  const port = values.port === undefined ? 8443 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be a whole number from 0 to 65535');
  const idle = values['idle-minutes'] === undefined ? undefined : Number(values['idle-minutes']);
  if (idle !== undefined && (!Number.isInteger(idle) || idle < 1 || idle > 24 * 60)) usage('--idle-minutes must be a whole number from 1 to 1440');
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) usage('--tls-cert and --tls-key go together');
  let tls: TlsIdentity | undefined;
  if (values['tls-cert'] && values['tls-key']) tls = readTlsIdentity(values['tls-cert'], values['tls-key']);
  if (!tls && values.host !== undefined && values.host !== LOOPBACK && values.host !== 'localhost') {
    usage(`--host ${values.host} needs TLS: without --tls-cert and --tls-key the server listens on loopback only (passphrases and sessions would cross the network in clear)`);
  }
  const rendererDir = resolve(values['renderer-dir'] ?? resolve(import.meta.dirname, '../../../dist/renderer'));
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error('dist/renderer is missing: build it with `npx vite build` (npm run serve does).');
    process.exit(1);
  }
  const opened = await openServedDesk(db, { ...(values['as-of'] ? { asOf: values['as-of'] } : {}), version: process.env.npm_package_version ?? '' });
  const server = await startTeamServer({
    desk: opened.desk,
    rendererDir,
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(tls ? { tls } : {}),
    ...(idle ? { idleMinutes: idle } : {}),
    events: opened.events,
    onChange: opened.tell,
  });
  const how = !tls
    ? 'no TLS, so loopback only (give --tls-cert and --tls-key to serve other machines)'
    : tls.selfSigned
      ? `self-signed certificate, SHA-256 fingerprint ${tls.fingerprint}`
      : 'TLS';
  console.log(`Promise Desk team server on ${server.url} (${how}; database ${opened.desk.database})`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => opened.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
