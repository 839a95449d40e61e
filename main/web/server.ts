/**
 * `npm run web [-- --port N --db FILE --as-of YYYY-MM-DD]`: the browser preview. Serves the built
 * renderer (dist/renderer, built by the npm script) and the same contract over HTTP on
 * 127.0.0.1, and prints the one URL (with its per-run token) that can drive it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DAY_PATTERN } from '../../shared/schemas/fields';
import { resolveDatabasePath } from '../db/paths';
import { deskContexts } from '../desk/desk-context';
import { openDesk } from '../desk/open-desk';
import { DeskSession } from '../session/desk-session';
import { startWebServer } from './web-server';

const USAGE = 'usage: npm run web [-- --port N --db FILE --as-of YYYY-MM-DD]';

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' }, 'as-of': { type: 'string' } }, strict: true }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535\n${USAGE}`);
    process.exit(2);
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !DAY_PATTERN.test(asOf)) {
    console.error(`--as-of must be a date written YYYY-MM-DD\n${USAGE}`);
    process.exit(2);
  }
  const rendererDir = resolve('dist/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error('dist/renderer is missing: build it with `npx vite build` (npm run web does).');
    process.exit(1);
  }
  const database = resolveDatabasePath(values.db).path;
  const desk = await openDesk(database, { seedDemo: true, ...(asOf ? { asOf } : {}) });
  // The session lives here, server-side, for this run (and its token): every change names its user.
  const session = new DeskSession(desk.people, { source: 'web' });
  const ctx = deskContexts(desk, { app: { name: 'Promise Desk', version: process.env.npm_package_version ?? '', runtime: 'web', database } })(session);
  const server = await startWebServer({ ctx, rendererDir, port });
  console.log(`Promise Desk preview (database ${database}):\n${server.url}`);
  const stop = () =>
    void server
      .close()
      .then(() => session.signOut())
      .then(() => desk.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
