/**
 * `npm run serve -- --db postgres://… [--host H] [--port N] [--tls-cert F --tls-key F] [--pool N]`: the team
 * server. Prints one line: its URL, and how it may be reached (loopback only without TLS; the
 * certificate's SHA-256 fingerprint when it signed itself, for desktops to pin).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openServedDesk } from './open-served-desk';
import { parseServeArgs, SERVE_USAGE } from './serve-args';
import { startTeamServer } from './team-server';
import { readTlsIdentity, type TlsIdentity } from './tls-identity';

async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(`${parsed.message}\n${SERVE_USAGE}`);
    process.exit(2);
  }
  const values = parsed.args;
  let tls: TlsIdentity | undefined;
  if (values.tlsCert && values.tlsKey) tls = readTlsIdentity(values.tlsCert, values.tlsKey);
  const rendererDir = resolve(values.rendererDir ?? resolve(import.meta.dirname, '../../../dist/renderer'));
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error('dist/renderer is missing: build it with `npx vite build` (npm run serve does).');
    process.exit(1);
  }
  const opened = await openServedDesk(values.db, { ...(values.asOf ? { asOf: values.asOf } : {}), maxConnections: values.pool, version: process.env.npm_package_version ?? '' });
  const server = await startTeamServer({
    desk: opened.desk,
    rendererDir,
    port: values.port,
    ...(values.host ? { host: values.host } : {}),
    ...(tls ? { tls } : {}),
    ...(values.idleMinutes ? { idleMinutes: values.idleMinutes } : {}),
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
