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
import { openOperationsBackend } from '../handlers/operations-service-backend';
import { openPromisesBackend } from '../handlers/promises-service-backend';
import { openServiceBackend } from '../handlers/service-backend';
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
  const backend = await openServiceBackend(database, { asOf });
  // After the check backend, which fills a new database with the demo plant. The session lives
  // here, server-side, for this run (and its token); the operations side asks it who acts.
  const promises = await openPromisesBackend(database, { asOf, source: 'web' });
  const operations = await openOperationsBackend(database, { asOf, actor: promises.actor });
  const server = await startWebServer({ ctx: { backend, operations, promises, app: { name: 'Promise Desk', version: process.env.npm_package_version ?? '', runtime: 'web', database } }, rendererDir, port });
  console.log(`Promise Desk preview (database ${database}):\n${server.url}`);
  const stop = () => void server.close().then(() => operations.close()).then(() => promises.close()).then(() => backend.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
