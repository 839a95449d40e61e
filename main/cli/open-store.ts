/**
 * The database a command works on (`--db`, then `PROMISE_DB`, then the app's own) and the check
 * service over it. Only the app's own database is filled with the demo plant while empty.
 */
import { resolveDatabasePath } from '../db/paths';
import { DatabaseTooNewError } from '../db/migrate';
import { TeamDatabaseTooNewError, describeUrl, isPostgresUrl } from '../db/postgres/team-location';
import type { CheckService } from '../services/check-service';
import { openCheckService } from '../services/open-service';
import { InputError } from './args';
import type { StoreValues } from './options';

export async function openForCommand(store: StoreValues): Promise<{ service: CheckService; path: string }> {
  const { path, isDefault } = resolveDatabasePath(store.db);
  try {
    // A URL is shown without its password wherever the command prints where it worked.
    return { service: await openCheckService({ path, seedDemo: isDefault }), path: isPostgresUrl(path) ? describeUrl(path) : path };
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
export async function withService<T>(store: StoreValues, fn: (service: CheckService, path: string) => Promise<T>): Promise<T> {
  const { service, path } = await openForCommand(store);
  try {
    return await fn(service, path);
  } finally {
    await service.store.close();
  }
}
