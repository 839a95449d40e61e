/**
 * A throw-away team database on the demo plant, for trying team mode on one machine: a PostgreSQL
 * of its own (initdb in a temporary folder, loopback, a random port), a `promise_desk` database
 * migrated and filled with the demo plant of today. Stopping it removes everything.
 * `npm run team-demo` uses it (and the team server's demo builds on it).
 */
import { createClient } from '../db/postgres/connection';
import { openPostgres } from '../db/postgres/open-postgres';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../db/postgres/throwaway-server';
import { localToday } from '../services/dates';
import { seedDemoIfEmpty } from '../services/workbook-service';

export interface DemoDatabase {
  /** `postgres://postgres@127.0.0.1:PORT/promise_desk` */
  url: string;
  server: ThrowawayPostgres;
  stop(): Promise<void>;
}

export async function startDemoDatabase(opts: { today?: string } = {}): Promise<DemoDatabase> {
  const server = await startThrowawayPostgres({ durable: true });
  try {
    const admin = createClient(server.url);
    await admin.connect();
    await admin.query('CREATE DATABASE promise_desk');
    await admin.end();
    const url = server.urlFor('promise_desk');
    const team = await openPostgres(url);
    try {
      await seedDemoIfEmpty(team.store, { today: opts.today ?? localToday(new Date()), user: 'local' });
    } finally {
      await team.store.close();
    }
    return { url, server, stop: () => server.dispose() };
  } catch (e) {
    await server.dispose();
    throw e;
  }
}
