/**
 * The desk a team server serves, chosen by its `--db`: a PostgreSQL URL (the team database,
 * shared by every instance, which tell each other their changes), or a SQLite file (one instance
 * only: for trying the server on a laptop).
 */
import { z } from 'zod';
import { changeNotices } from '../../db/postgres/change-notices';
import { isPostgresUrl } from '../../db/open-store';
import { ChangeBus, type ChangeEvent } from '../change-events';
import { serveDesk, type ServedDesk, type ServedDeskOptions } from './served-desk';

export interface OpenedDesk {
  desk: ServedDesk;
  /** This instance's change events, the other instances' included. */
  events: ChangeBus;
  /** Tells the other instances about a change made here. */
  tell(e: ChangeEvent): void;
  close(): Promise<void>;
}

const changeEvent = z.object({ kind: z.enum(['promises', 'tables', 'users']), channel: z.string().max(64), at: z.string().max(40), window: z.string().max(64).optional() });

export async function openServedDesk(db: string, opts: ServedDeskOptions & { seedDemo?: boolean } = {}): Promise<OpenedDesk> {
  const events = new ChangeBus();
  const desk = await serveDesk(db, opts);
  if (!isPostgresUrl(db)) return { desk, events, tell: () => {}, close: () => desk.close() };
  const notices = changeNotices<ChangeEvent>(db, {
    parse: (p) => (changeEvent.safeParse(p).data) ?? null,
    onNotice: (e) => events.publish(e),
  });
  return {
    desk,
    events,
    tell: (e) => notices.tell(e),
    close: async () => {
      await notices.close();
      await desk.close();
    },
  };
}
