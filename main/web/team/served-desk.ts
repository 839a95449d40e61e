/**
 * What the team server serves: the people service (sessions sign in against it) and, for each
 * session, the handlers' context acting as that session's user. Built over the one desk
 * (main/desk/), so the server itself never opens a store.
 */
import { isPostgresUrl } from '../../db/open-store';
import { deskContexts } from '../../desk/desk-context';
import { openDesk } from '../../desk/open-desk';
import type { HandlerContext } from '../../handlers/context';
import type { PeopleService } from '../../people/people-service';
import type { ScryptCost } from '../../people/passphrase';
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
  /** Connections to a team database at most (SERVER_POOL_SIZE unless given). */
  maxConnections?: number;
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

/**
 * The desk a team server serves, at `location`: a PostgreSQL URL (the team database, shared with
 * the other instances: their holds followed, one lapse job across them) or a SQLite file (one
 * instance only: for trying the server on a laptop; the demo plant is seeded into a new one).
 */
export async function serveDesk(location: string, opts: ServedDeskOptions & { seedDemo?: boolean } = {}): Promise<ServedDesk> {
  const team = isPostgresUrl(location);
  const desk = await openDesk(location, {
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.scryptCost ? { scryptCost: opts.scryptCost } : {}),
    seedDemo: team ? opts.seedDemo === true : true,
    peopleOnRealClock: true,
    ...(team
      ? { share: { applicationName: 'promise-desk-server', ...(opts.maxConnections ? { maxConnections: opts.maxConnections } : {}), onError: (e: Error) => console.error(`PostgreSQL: ${e.message}`) } }
      : {}),
  });
  const app = { name: 'Promise Desk', version: opts.version ?? '', runtime: 'team' as const, database: displayDatabase(location) };
  const contextFor = deskContexts(desk, { app });
  return { people: desk.people, database: app.database, contextFor, close: () => desk.close() };
}
