/**
 * The desk a team server serves over the team database (PostgreSQL): the check, operations,
 * people and promise services on one pool, lapsed holds released at start. Every instance opens
 * its own; they share nothing but the database.
 */
import { HoldFollower } from '../../db/postgres/hold-follower';
import { openPostgres } from '../../db/postgres/open-postgres';
import { operationsBackend } from '../../handlers/operations-service-backend';
import { promisesBackend, sessionActor } from '../../handlers/promises-service-backend';
import { serviceBackend } from '../../handlers/service-backend';
import { PeopleService } from '../../people/people-service';
import { CheckService } from '../../services/check-service';
import { localToday } from '../../services/dates';
import { PromiseService } from '../../services/promise-service';
import { displayDatabase, type ServedDesk, type ServedDeskOptions } from './served-desk';

export async function servedPostgresDesk(url: string, opts: ServedDeskOptions & { seedDemo?: boolean; maxConnections?: number } = {}): Promise<ServedDesk> {
  const db = await openPostgres(url, { applicationName: 'promise-desk-server', max: opts.maxConnections ?? 20, onError: (e) => console.error(`PostgreSQL: ${e.message}`) });
  const now = opts.asOf ? () => new Date(`${opts.asOf}T12:00:00`) : undefined;
  const checks = new CheckService(db.store, now ? { now } : {});
  try {
    if (opts.seedDemo && (await db.store.dataVersion()) === null) {
      const { seedDemoIfEmpty } = await import('../../services/workbook-service');
      await seedDemoIfEmpty(db.store, { today: localToday((now ?? (() => new Date()))()), user: checks.user });
    }
  } catch (e) {
    await db.store.close();
    throw e;
  }
  const people = new PeopleService(db.people, opts.scryptCost ? { scryptCost: opts.scryptCost } : {});
  const promises = new PromiseService(checks, people, now ? { now } : {});
  await promises.expireHolds();
  // Other instances' holds: the model catches up as soon as they commit, not at the next check.
  const follower = await HoldFollower.start(url, { onError: (e) => console.error(`PostgreSQL (hold log): ${e.message}`) });
  follower.subscribe(() => void checks.model(checks.today()).catch(() => undefined));
  // Lapsed holds: one job across instances (each takes what no other has locked). With a fixed
  // "today" (demos, tests) the services expire by that day instead, as on a laptop.
  const stopExpiry = opts.asOf ? null : db.store.startExpiryJob(5_000, (e) => console.error(`Hold expiry: ${e.message}`));
  const backend = serviceBackend(checks);
  const app = { name: 'Promise Desk', version: opts.version ?? '', runtime: 'team' as const, database: displayDatabase(url) };

  return {
    people,
    database: app.database,
    contextFor(session) {
      return {
        backend,
        operations: operationsBackend({ checks, ops: db.operations }, { actor: () => sessionActor(session) }),
        promises: promisesBackend({ promises, people, session, store: db.store }),
        app,
      };
    },
    close: async () => {
      stopExpiry?.();
      await follower.stop();
      await db.store.close();
    },
  };
}
