/**
 * The one seam between the window and its data: *this computer* (the local desk over the SQLite
 * file, the demo plant on first run) or *a team server* (main/team-client/desktop-connection.ts:
 * every contract channel forwarded with a bearer token, the server's change events passed on).
 * The choice is kept in `connection.json` in the user-data folder. No electron here: app.ts gives
 * the dialogs and how to tell the window, and tests drive it through ipc.ts's `answer`.
 */
import { join } from 'node:path';
import { deskContexts } from '../desk/desk-context';
import { openDesk } from '../desk/open-desk';
import type { SummaryDialogs, WorkbookDialogs } from '../handlers/context';
import { DeskSession } from '../session/desk-session';
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

/** This computer's desk (main/desk/) over its SQLite file, with the one session of this window. */
async function openLocalDesk(opts: DataConnectionOptions): Promise<LocalDesk> {
  const { database, dialogs } = opts;
  const desk = await openDesk(database, { seedDemo: true, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  // The signed-in session lives here, in the main process: every change names its user.
  const session = new DeskSession(desk.people);
  const ctx = deskContexts(desk, {
    app: { name: 'Promise Desk', version: opts.version, runtime: 'electron', database },
    ...(dialogs ? { dialogs: { ...(dialogs.workbooks ? { workbook: dialogs.workbooks } : {}), ...(dialogs.summaries ? { summary: dialogs.summaries } : {}) } } : {}),
  })(session);
  return {
    ctx,
    close: async () => {
      session.signOut();
      await desk.close();
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
