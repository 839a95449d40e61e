/**
 * Migrations of a team database: three starters at once on an empty database (one applies, the
 * others wait and apply nothing), from the previous version with data (the data stays and the new
 * tables work), and a database from a newer version refused with a clear message.
 */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../main/db/postgres/connection';
import { pgLatestVersion, pgMigrations, TeamDatabaseTooNewError, migratePostgres } from '../../main/db/postgres/migrate';
import { openPostgres } from '../../main/db/postgres/open-postgres';
import { freshDatabase, hasPostgres } from '../support/postgres';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = createClient(url);
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

describe.skipIf(!hasPostgres())('team database migrations', () => {
  it('are numbered NNNN-name.sql from 0001 without gaps', () => {
    expect(pgMigrations().map((m) => m.version)).toEqual(Array.from({ length: pgLatestVersion() }, (_, i) => i + 1));
    expect(pgMigrations().every((m) => /^[a-z0-9-]+$/.test(m.name) && m.sql.length > 0)).toBe(true);
    // No column named `user` (a role name in PostgreSQL).
    expect(pgMigrations().map((m) => m.sql).join('\n')).not.toMatch(/^\s*"?user"?\s+\w/im);
  });

  it('three starters at once on an empty database: one applies every migration, the others apply nothing', async () => {
    const url = await freshDatabase('mig');
    const applied = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    expect(applied.map((a) => a.length).sort()).toEqual([0, 0, pgLatestVersion()]);
    expect(await query(url, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(pgMigrations().map((m) => ({ version: m.version })));
  });

  it('from the previous version with data: the data stays and the new version works', async () => {
    const url = await freshDatabase('mig');
    expect(await migratePostgres(url, { target: pgLatestVersion() - 1 })).toEqual(Array.from({ length: pgLatestVersion() - 1 }, (_, i) => i + 1));
    await query(url, `INSERT INTO imports (at, source, sha256, row_counts, actor) VALUES ('2026-03-02T08:00:00Z', 'old', 'ab12cd34ef', '{}', 'ana')`);
    await query(url, `INSERT INTO promises (id, status, customer, region, mode, request, result, as_of, data_version, created_at, created_by)
      VALUES ('P-000001', 'draft', 'Acme', 'DE', 'standard', '{}', '{}', '2026-03-02', 'v1-ab12cd34', '2026-03-02T08:00:00Z', 'ana')`);
    expect(await migratePostgres(url)).toEqual([pgLatestVersion()]);
    const t = await openPostgres(url);
    try {
      expect(await t.store.dataVersion()).toBe('v1-ab12cd34');
      expect(await query(url, `SELECT id, status FROM promises`)).toEqual([{ id: 'P-000001', status: 'draft' }]);
      expect(await t.people.userCount()).toBe(0);
    } finally {
      await t.store.close();
    }
  });

  it('refuses a database from a newer version, saying so, and changes nothing', async () => {
    const url = await freshDatabase('mig');
    await migratePostgres(url);
    await query(url, `INSERT INTO schema_migrations (version, name) VALUES (${pgLatestVersion() + 1}, 'future')`);
    const err = await migratePostgres(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamDatabaseTooNewError);
    expect((err as Error).message).toMatch(new RegExp(`newer version of Promise Desk \\(schema version ${pgLatestVersion() + 1}; this version knows up to ${pgLatestVersion()}\\)`));
  });

  it('a failing migration leaves the previous version intact', async () => {
    const url = await freshDatabase('mig');
    const broken = [...pgMigrations().slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half (x int); SELECT no_such_function();' }];
    await expect(migratePostgres(url, { migrations: broken })).rejects.toThrow(/migration 0002-broken failed/);
    expect(await query(url, 'SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
    expect(await query(url, `SELECT to_regclass('half') AS t`)).toEqual([{ t: null }]);
  });
});
