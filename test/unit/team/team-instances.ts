/**
 * Team server instances for the multi-instance tests: a fresh team database with the small
 * promise plant (every day open: see test/fixtures/promise-plant.ts) and users made with a cheap
 * scrypt cost, instances in this process (each its own pool, model and sessions, as separate
 * processes have) or as child processes (`npm run serve`) that a test may kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgres } from '../../../main/db/postgres/open-postgres';
import { PeopleService } from '../../../main/people/people-service';
import { importFromPath } from '../../../main/services/workbook-service';
import { TeamClient } from '../../../main/team-client/team-client';
import { openServedDesk, type OpenedDesk } from '../../../main/web/team/open-served-desk';
import { startTeamServer, type TeamServer } from '../../../main/web/team/team-server';
import { FAST, TODAY, writePromisePlant } from '../../fixtures/promise-plant';
import { LOCAL_ACTOR } from '../../../shared/rules/roles';

export const PASS = 'correct horse battery';
export const AS_OF = TODAY;
const ROOT = resolve(import.meta.dirname, '../../..');

export function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-team-ui-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Promise Desk</title>');
  return dir;
}

/** Imports the plant into a fresh team database and adds `admin`, `olga` (operations), `max` (manager) and `sam` (sales). */
export async function seedTeamDatabase(url: string): Promise<void> {
  const db = await openPostgres(url);
  try {
    const folder = writePromisePlant(mkdtempSync(join(tmpdir(), 'pd-team-plant-')), { everyDay: true });
    const r = await importFromPath(db.store, folder, { asOf: AS_OF, actor: LOCAL_ACTOR });
    if (!r.ok) throw new Error(`the plant did not import: ${JSON.stringify(r.issues)}`);
    const people = new PeopleService(db.people, { scryptCost: FAST });
    const admin = await people.addUser(null, 'admin', 'admin', PASS);
    const actor = await people.signIn(admin.name, PASS);
    for (const [name, role] of [['olga', 'operations'], ['max', 'manager'], ['sam', 'sales']] as const) await people.addUser(actor, name, role, PASS);
  } finally {
    await db.store.close();
  }
}

export interface Instance {
  server: TeamServer;
  opened: OpenedDesk;
  close(): Promise<void>;
}

export async function startInstance(url: string, dir: string): Promise<Instance> {
  const opened = await openServedDesk(url, { asOf: AS_OF });
  const server = await startTeamServer({ desk: opened.desk, rendererDir: dir, port: 0, events: opened.events, onChange: opened.tell });
  return {
    server,
    opened,
    close: async () => {
      await server.close();
      await opened.close();
    },
  };
}

/**
 * Sellers signed in one after another, as people do. At once from one address they would be
 * throttled: attempts are counted per name and source before the passphrase is checked (#13), so
 * a fourth parallel sign-in of one name waits even when every passphrase is right.
 */
export async function signInSellers(urls: readonly string[], name = 'sam'): Promise<TeamClient[]> {
  const out: TeamClient[] = [];
  for (const url of urls) out.push(await seller(url, name));
  return out;
}

export async function seller(url: string, name = 'sam'): Promise<TeamClient> {
  const c = new TeamClient({ url });
  const r = await c.signIn(name, PASS);
  if (!r.ok || !r.value.signed_in) throw new Error(`${name} could not sign in: ${JSON.stringify(r)}`);
  return c;
}

export interface ChildInstance {
  url: string;
  child: ChildProcess;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `main/web/team/serve.ts` as its own process (ONE process: tsx as a loader; tsx's CLI would run
 * the server in a child of its own that a SIGKILL of the CLI leaves serving); resolves once it
 * printed its URL.
 */
export async function spawnInstance(url: string, dir: string): Promise<ChildInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/web/team/serve.ts'), '--db', url, '--port', '0', '--as-of', AS_OF, '--renderer-dir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const address = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${out}`)), 120_000);
    const look = () => {
      const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}):\n${out}`));
    });
  });
  return {
    url: address,
    child,
    output: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await gone;
    },
  };
}
