/**
 * The one place where the kind of store is chosen: a `postgres://` (or `postgresql://`) URL opens
 * the team database, migrated first (the PostgreSQL client is loaded only then); anything else is
 * a SQLite file, created and migrated when new. Nothing outside main/db/ knows which it got.
 */
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';
import { describeUrl, isPostgresUrl } from './postgres/team-location';

/** Reports errors that reach no caller (an idle connection the server ended, a background job). */
export type ErrorSink = (e: Error) => void;

/** What only a database shared by several processes has: other processes change it too. */
export interface SharedParts {
  /** Calls `onChange` with the holds version whenever another process commits a change of holds; stop() ends it. */
  followHolds(onChange: (version: number) => void, onError: ErrorSink): Promise<{ stop(): Promise<void> }>;
  /** Releases lapsed holds every `everyMs` by the clock `now`, one job across processes; returns its stop. */
  startExpiryJob(everyMs: number, onError: ErrorSink, now?: () => Date): () => void;
}

export interface OpenedStore {
  store: Store;
  /** Where it is, as it may be shown: a URL never with its password. */
  where: string;
  /** Present for the team database (PostgreSQL), null for a file. */
  shared: SharedParts | null;
}

export interface OpenStoreOptions {
  /** The team database: the name this process gives its connections, and how many at most. */
  applicationName?: string;
  maxConnections?: number;
  /** A server instance: its connections opened at start and kept (see ConnectOptions.keepOpen). */
  keepOpen?: boolean;
  onError?: ErrorSink;
}

export { isPostgresUrl } from './postgres/team-location';

export async function openStore(location: string, opts: OpenStoreOptions = {}): Promise<OpenedStore> {
  if (!isPostgresUrl(location)) return { store: SqliteStore.open(location), where: location, shared: null };
  const { openPostgres } = await import('./postgres/open-postgres');
  const { HoldFollower } = await import('./postgres/hold-follower');
  const db = await openPostgres(location, {
    ...(opts.applicationName ? { applicationName: opts.applicationName } : {}),
    ...(opts.maxConnections ? { max: opts.maxConnections } : {}),
    ...(opts.keepOpen ? { keepOpen: true } : {}),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
  if (opts.keepOpen) await db.store.openConnections();
  return {
    store: db.store,
    where: describeUrl(location),
    shared: {
      async followHolds(onChange, onError) {
        // The same connection tells the people store of changes to users' rows it keeps.
        const rows = db.store.people.userRows;
        const follower = await HoldFollower.start(location, { onError, users: { changed: (name) => rows.forget(name), listening: (on) => rows.setListening(on) } });
        follower.subscribe(onChange);
        return { stop: () => follower.stop() };
      },
      startExpiryJob: (everyMs, onError, now) => db.store.startExpiryJob(everyMs, onError, now),
    },
  };
}
