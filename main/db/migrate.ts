/**
 * Numbered schema migrations. Each runs in its own IMMEDIATE transaction together with the
 * `user_version` it brings the database to, so a crash leaves the database at a whole version and
 * two processes opening a new database at once do not both migrate it.
 */
import type { Database } from 'better-sqlite3';
import * as m0001 from './migrations/0001-workbook';
import * as m0002 from './migrations/0002-promises';
import * as m0003 from './migrations/0003-people';
import * as m0004 from './migrations/0004-history';
import * as m0005 from './migrations/0005-hold-log';
import * as m0006 from './migrations/0006-signer-history';
import * as m0007 from './migrations/0007-replan-facts';
import * as m0008 from './migrations/0008-open-promises-in-order';
import * as m0009 from './migrations/0009-holds-of-open-promises';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${file} was written by a newer version of Promise Desk (schema version ${found}; ` +
        `this version knows up to ${known}). Update Promise Desk to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database up to `target` (default: the latest), one migration at a time. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target?: number): number[] {
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const goal = target ?? latest;
  const found = schemaVersion(db);
  if (found > latest) throw new DatabaseTooNewError(db.name, found, latest);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version > goal) break;
    db.transaction(() => {
      // Read again inside the write lock: another process may have migrated meanwhile.
      if (schemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
