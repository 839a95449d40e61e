/**
 * The database a command works on (`--db`, then `PROMISE_DB`, then the app's own) and the desk
 * over it (main/desk/). Only the app's own database is filled with the demo plant while empty.
 */
import { existsSync } from 'node:fs';
import { resolveDatabasePath } from '../db/paths';
import { DatabaseTooNewError } from '../db/migrate';
import { TeamDatabaseTooNewError, describeUrl, isPostgresUrl } from '../db/postgres/team-location';
import { openDesk, type Desk } from '../desk/open-desk';
import type { CheckService } from '../services/check-service';
import { InputError } from './args';
import type { StoreValues } from './options';

export interface CommandOpenOptions {
  /**
   * The command only reads (check, promises, export, verify, export-workbook): a database named
   * with `--db` or `PROMISE_DB` that does not exist is refused, never created (with its folders).
   */
  readOnly?: boolean;
}

/** The desk of a command; lapsed holds are left for the commands that change promises to release. */
export async function openForCommand(where: StoreValues, opts: CommandOpenOptions = {}): Promise<{ desk: Desk; path: string }> {
  const { path, isDefault } = resolveDatabasePath(where.db);
  if (opts.readOnly && !isDefault && !isPostgresUrl(path) && !existsSync(path)) throw new InputError(`There is no database at ${path} (a command that only reads never creates one).`);
  try {
    // A URL is shown without its password wherever the command prints where it worked.
    return { desk: await openDesk(path, { seedDemo: isDefault, expireHolds: false }), path: isPostgresUrl(path) ? describeUrl(path) : path };
  } catch (e) {
    if (e instanceof DatabaseTooNewError || e instanceof TeamDatabaseTooNewError) throw new InputError(e.message);
    if (isPostgresUrl(path)) throw new InputError(`Cannot open the team database ${describeUrl(path)}: ${(e as Error).message}.`);
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_CORRUPT')
      throw new InputError(`Cannot open the database ${path}: ${(e as Error).message}.`);
    throw e;
  }
}

/** Runs `fn` with the service and closes the database afterwards. */
export async function withService<T>(where: StoreValues, fn: (service: CheckService, path: string) => Promise<T>, opts: CommandOpenOptions = {}): Promise<T> {
  const { desk, path } = await openForCommand(where, opts);
  try {
    return await fn(desk.checks, path);
  } finally {
    await desk.close();
  }
}
