/**
 * The throw-away PostgreSQL every PG test shares: started once per test run by the global setup
 * (test/support/postgres-global.ts), each test file making databases of its own on it. Without
 * PostgreSQL installed the PG suites are skipped locally and FAIL under CI=true.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createClient } from '../../main/db/postgres/connection';
import { migratePostgres } from '../../main/db/postgres/migrate';
import { openPostgres, type TeamDatabase } from '../../main/db/postgres/open-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgMissing: string | null;
  }
}

/** The server's admin URL, or null when PostgreSQL could not start (and this is not CI). */
export function pgServerUrl(): string | null {
  const url = inject('pgUrl');
  if (!url && process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI: ${inject('pgMissing') ?? 'not started'}`);
  return url;
}

export const hasPostgres = (): boolean => pgServerUrl() !== null;

/** A new empty database on the shared server; its URL. */
export async function freshDatabase(prefix = 't'): Promise<string> {
  const admin = pgServerUrl();
  if (!admin) throw new Error('no PostgreSQL');
  return freshDatabaseOn(admin, prefix);
}

/** A new empty database on the server of `admin` (a server a test started for itself). */
export async function freshDatabaseOn(admin: string, prefix = 't'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const c = createClient(admin);
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new migrated database on the server of `admin`; its URL. */
export async function freshTeamDatabaseOn(admin: string): Promise<string> {
  const url = await freshDatabaseOn(admin);
  await migratePostgres(url);
  return url;
}

let template: Promise<string> | null = null;

/** A migrated fresh database with its stores (copied from a migrated template: quicker than migrating). */
export async function freshTeamDatabase(): Promise<TeamDatabase & { url: string }> {
  const admin = pgServerUrl();
  if (!admin) throw new Error('no PostgreSQL');
  template ??= (async () => {
    const url = await freshDatabaseOn(admin, 'tmpl');
    await migratePostgres(url);
    return new URL(url).pathname.slice(1);
  })();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const c = createClient(admin);
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${await template}`);
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  return { ...(await openPostgres(url)), url };
}
