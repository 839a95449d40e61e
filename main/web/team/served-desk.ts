/**
 * What the team server serves: the people service (sessions sign in against it) and, for each
 * session, the handlers' context acting as that session's user. Built here over today's desk
 * (the check, operations and promise services on one store), so the server itself never opens
 * a store.
 */
import type { HandlerContext } from '../../handlers/backend';
import { operationsBackend } from '../../handlers/operations-service-backend';
import { promisesBackend, sessionActor } from '../../handlers/promises-service-backend';
import { serviceBackend } from '../../handlers/service-backend';
import { PeopleService } from '../../people/people-service';
import type { ScryptCost } from '../../people/passphrase';
import { openCheckService } from '../../services/open-service';
import { PromiseService } from '../../services/promise-service';
import type { DeskSession } from '../../session/desk-session';

export interface ServedDesk {
  people: PeopleService;
  /** The handlers' context whose every change is made by `session`'s user. */
  contextFor(session: DeskSession): HandlerContext;
  /** The database shown in `app:info`: where, without credentials. */
  readonly database: string;
  close(): Promise<void>;
}

export interface ServedDeskOptions {
  /** A fixed "today" (demos and tests). */
  asOf?: string;
  scryptCost?: ScryptCost;
  version?: string;
}

/** A database URL or path as it may be shown: never its password. */
export function displayDatabase(db: string): string {
  try {
    const u = new URL(db);
    if (u.protocol.startsWith('postgres')) {
      u.password = '';
      return u.toString();
    }
  } catch {
    // a file path
  }
  return db;
}

/** The desk over a SQLite file (the demo plant is seeded into a new one). */
export async function servedSqliteDesk(path: string, opts: ServedDeskOptions = {}): Promise<ServedDesk> {
  const now = opts.asOf ? () => new Date(`${opts.asOf}T12:00:00`) : undefined;
  const checks = await openCheckService({ path, seedDemo: true, ...(now ? { now } : {}) });
  const store = checks.store;
  const people = new PeopleService(store.people, opts.scryptCost ? { scryptCost: opts.scryptCost } : {});
  const promises = new PromiseService(checks, people, now ? { now } : {});
  await promises.expireHolds();
  const backend = serviceBackend(checks);
  const ops = store.operations;
  const app = { name: 'Promise Desk', version: opts.version ?? '', runtime: 'team' as const, database: displayDatabase(path) };
  return {
    people,
    database: app.database,
    contextFor(session) {
      return {
        backend,
        operations: operationsBackend({ checks, ops }, { actor: () => sessionActor(session) }),
        promises: promisesBackend({ promises, people, session, store }),
        app,
      };
    },
    close: () => store.close(),
  };
}
