/**
 * The one seam between the window and its data: *this computer* (the local desk over the SQLite
 * file, the demo plant on first run) or *a team server* (main/team-client/desktop-connection.ts:
 * every contract channel forwarded with a bearer token, the server's change events passed on).
 * The choice is kept in `connection.json` in the user-data folder. No electron here: app.ts gives
 * the dialogs and how to tell the window, and tests drive it through ipc.ts's `answer`.
 */
import { join } from 'node:path';
import { openOperationsBackend, type WorkbookDialogs } from '../handlers/operations-service-backend';
import { openPromisesBackend, type SummaryDialogs } from '../handlers/promises-service-backend';
import { openServiceBackend } from '../handlers/service-backend';
import { DesktopConnection, type LocalDesk } from '../team-client/desktop-connection';
import type { Answerer } from './ipc';

export interface DataConnectionOptions {
  /** The app's user-data folder: where the choice is kept. */
  userData: string;
  /** This computer's database file. */
  database: string;
  version: string;
  dialogs?: { summaries?: SummaryDialogs; workbooks?: WorkbookDialogs };
  /** Tells the window that someone else changed data (team mode only). */
  notify(): void;
  /** A fixed "today" for this computer's desk (tests). */
  asOf?: string;
  /** The command line named the database (`--db`, `PROMISE_DB`): this computer, whatever was chosen. */
  localOnly?: boolean;
}

export const CONNECTION_FILE = 'connection.json';

/** This computer's desk: the check, promise and operations sides over one SQLite file. */
async function openLocalDesk(opts: DataConnectionOptions): Promise<LocalDesk> {
  const { database, dialogs } = opts;
  const asOf = opts.asOf ? { asOf: opts.asOf } : {};
  const backend = await openServiceBackend(database, asOf);
  // The signed-in session lives here, in the main process; the operations side asks it who acts.
  const promises = await openPromisesBackend(database, { ...asOf, ...(dialogs?.summaries ? { dialogs: dialogs.summaries } : {}) });
  const operations = await openOperationsBackend(database, { ...asOf, ...(dialogs?.workbooks ? { dialogs: dialogs.workbooks } : {}), actor: promises.actor });
  return {
    ctx: { backend, operations, promises, app: { name: 'Promise Desk', version: opts.version, runtime: 'electron', database } },
    close: async () => {
      await operations.close();
      await promises.close();
      await backend.close();
    },
  };
}

export interface DataConnection {
  answer: Answerer;
  close(): Promise<void>;
}

export async function openDataConnection(opts: DataConnectionOptions): Promise<DataConnection> {
  const connection = new DesktopConnection({
    settingsFile: join(opts.userData, CONNECTION_FILE),
    openLocal: () => openLocalDesk(opts),
    app: { name: 'Promise Desk', version: opts.version },
    ...(opts.dialogs ? { dialogs: opts.dialogs } : {}),
    notify: opts.notify,
    ...(opts.localOnly ? { localOnly: true } : {}),
  });
  await connection.ready();
  return { answer: (channel, payload) => connection.answer(channel, payload), close: () => connection.close() };
}
