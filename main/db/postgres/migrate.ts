/**
 * Migrations of a team database: one `NNNN-name.sql` file each (./migrations), applied in order,
 * each in its own transaction with the row of `schema_migrations` that records it (PostgreSQL runs
 * DDL in transactions: a failing step leaves the previous version intact). A session advisory
 * lock around the runner makes concurrent starters safe: one applies, the others wait and find
 * nothing left to do. A database from a newer version of Promise Desk is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { createClient } from './connection';
import { TeamDatabaseTooNewError, describeUrl } from './team-location';

export { TeamDatabaseTooNewError, describeUrl };

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Any number that no other application on the same database is likely to use. */
const MIGRATION_LOCK = 7_310_422_001;

function migrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function loadMigrations(dir: string = migrationsDir()): PgMigration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f, i) => {
      const version = Number(f.slice(0, 4));
      if (version !== i + 1) throw new Error(`migration ${f}: expected number ${String(i + 1).padStart(4, '0')}`);
      return { version, name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') };
    });
}

let loaded: PgMigration[] | null = null;
/** The migrations of this version, read when first needed (never at load: the desktop bundle has no files here). */
export function pgMigrations(): PgMigration[] {
  return (loaded ??= loadMigrations());
}
export const pgLatestVersion = (): number => pgMigrations().length;

export async function schemaVersionOf(c: pg.ClientBase): Promise<number> {
  const exists = await c.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const r = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/**
 * Brings the database at `url` up to `target` (default: the latest); returns the versions this
 * call applied (empty when another starter did it).
 */
export async function migratePostgres(url: string, opts: { migrations?: readonly PgMigration[]; target?: number } = {}): Promise<number[]> {
  const migrations = opts.migrations ?? pgMigrations();
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const goal = opts.target ?? latest;
  const client = createClient(url, { applicationName: 'promise-desk-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const found = await schemaVersionOf(client);
      if (found > latest) throw new TeamDatabaseTooNewError(describeUrl(url), found, latest);
      const applied: number[] = [];
      for (const m of migrations) {
        if (m.version <= found || m.version > goal) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`migration ${String(m.version).padStart(4, '0')}-${m.name} failed: ${(e as Error).message}`, { cause: e });
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
