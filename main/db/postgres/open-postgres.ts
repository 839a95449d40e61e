/**
 * Opens a team database: runs pending migrations (safe with other starters), then a pool with the
 * three stores over it. `PROMISE_DB` and `--db` take a `postgres://` (or `postgresql://`) URL.
 */
import { migratePostgres } from './migrate';
import type { ConnectOptions, ErrorSink } from './connection';
import type { PgOperationsStore } from './pg-operations-store';
import { PgPeopleStore } from './pg-people-store';
import { PostgresStore } from './pg-store';

export { isPostgresUrl } from './team-location';

export { PgPeopleStore, PostgresStore };

export interface TeamDatabase {
  store: PostgresStore;
  people: PgPeopleStore;
  operations: PgOperationsStore;
}

/** Migrates (unless `migrate: false`) and connects. */
export async function openPostgres(url: string, opts: ConnectOptions & { migrate?: boolean; onError?: ErrorSink } = {}): Promise<TeamDatabase> {
  if (opts.migrate !== false) await migratePostgres(url);
  const store = PostgresStore.connect(url, opts, opts.onError);
  return { store, people: store.people, operations: store.operations };
}
