/**
 * Storage behind the interface (issue #11): outside main/db/ no product file names SqliteStore or
 * a database driver, and none reaches for a SQLite handle (`.db.prepare`, `store.db`). The
 * dependency rules (.dependency-cruiser.cjs) check imports; this reads the text, so a name used
 * without an import (a cast, a comment telling callers to use it) is caught too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const outsideDb = ['shared', 'main', 'renderer'].flatMap(sources).filter((f) => !f.startsWith(join('main', 'db')));

describe('the store behind its interface', () => {
  it('finds the product files it reads', () => {
    expect(outsideDb.length).toBeGreaterThan(100);
    expect(outsideDb).toContain(join('main', 'desk', 'open-desk.ts'));
  });

  it.each([
    ['SqliteStore', /\bSqlite(Store|PeopleStore|OperationsStore)\b/],
    ['a database driver', /from ['"](better-sqlite3|pg)['"]/],
    ['a SQLite handle', /\.db\.(prepare|exec|transaction|pragma)\(|\bstore\.db\b/],
  ])('no product file outside main/db/ names %s', (_what, pattern) => {
    const offenders = outsideDb.filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
