/**
 * `npm run team-demo [-- --port N]`: a throw-away PostgreSQL with the demo plant
 * (main/team/demo-database.ts: initdb in a temporary folder, loopback only), a team server on it,
 * and four demo users (admin, sales, operations, manager) sharing one passphrase printed here
 * (or PROMISE_DEMO_PASSPHRASE). Everything is removed when it stops.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../../../shared/rules/roles';
import { startDemoDatabase } from '../../team/demo-database';
import { openServedDesk } from './open-served-desk';
import { startTeamServer } from './team-server';

const USERS: [string, Role][] = [
  ['admin', 'admin'],
  ['sales', 'sales'],
  ['operations', 'operations'],
  ['manager', 'manager'],
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? 0 : Number(values.port);
  const rendererDir = resolve(import.meta.dirname, '../../../dist/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: build it with `npx vite build` (npm run team-demo does).');
  const demo = await startDemoDatabase();
  const opened = await openServedDesk(demo.url, { version: process.env.npm_package_version ?? '' });
  const passphrase = process.env.PROMISE_DEMO_PASSPHRASE || `demo-${randomBytes(6).toString('base64url')}`;
  const people = opened.desk.people;
  if (await people.singleUserMode()) {
    const admin = await people.addUser(null, 'admin', 'admin', passphrase);
    const actor = await people.signIn(admin.name, passphrase);
    for (const [name, role] of USERS.slice(1)) await people.addUser(actor, name, role, passphrase);
  }
  const server = await startTeamServer({ desk: opened.desk, rendererDir, port, events: opened.events, onChange: opened.tell });
  console.log(`Promise Desk team demo on ${server.url} (throw-away team database ${demo.url}, removed when this stops)`);
  console.log(`Sign in as ${USERS.map(([n]) => n).join(', ')} with the passphrase ${passphrase}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .then(() => opened.close())
      .then(() => demo.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
