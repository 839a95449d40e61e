/**
 * Desks on a team database for the PostgreSQL tests: the promise plant imported once, then any
 * number of desks, each with connections of its own (one per seller, as separate seats would be).
 */
import { PostgresStore } from '../../main/db/postgres/pg-store';
import { deskOver, type Desk as PromiseDesk } from '../../main/desk/open-desk';
import { importFromPath } from '../../main/services/workbook-service';
import { FAST, TODAY, type Clock } from '../fixtures/promise-plant';
import { freshTeamDatabase } from './postgres';
import { LOCAL_ACTOR } from '../../shared/rules/roles';

export { Clock, FAST, TODAY, request } from '../fixtures/promise-plant';

/** A migrated team database with the plant of folder `plantDir` imported as of TODAY. */
export async function teamDatabaseWithPlant(plantDir: string): Promise<string> {
  const t = await freshTeamDatabase();
  try {
    const r = await importFromPath(t.store, plantDir, { asOf: TODAY, actor: LOCAL_ACTOR });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  } finally {
    await t.store.close();
  }
  return t.url;
}

/** A desk (check, people, promise services) on its own small pool of connections. */
export async function teamDesk(url: string, clock: Clock, max = 2): Promise<PromiseDesk & { store: PostgresStore }> {
  const store = PostgresStore.connect(url, { max });
  const desk = await deskOver(store, { now: clock.now, scryptCost: FAST });
  return Object.assign(desk, { store });
}
