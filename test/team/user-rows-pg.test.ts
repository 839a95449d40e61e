/**
 * A server instance keeps its sessions' user rows, and every change reaches it: a change made
 * through another process (another instance, the command line) within a moment, by the database's
 * notice; a change made here at once; nothing is kept while the notices are not heard.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore, type OpenedStore } from '../../main/db/open-store';
import type { PostgresStore } from '../../main/db/postgres/pg-store';
import { PeopleService } from '../../main/people/people-service';
import { FAST } from '../fixtures/promise-plant';
import { freshTeamDatabase, hasPostgres } from '../support/postgres';
import { missing } from '../support/requires';

const PASS = 'correct horse battery';
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

async function until(what: () => Promise<boolean>, ms = 2000): Promise<number> {
  const t0 = Date.now();
  while (!(await what())) {
    if (Date.now() - t0 > ms) throw new Error('not within the time');
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - t0;
}

describe.skipIf(missing('PostgreSQL', hasPostgres()))('user rows kept by a server instance', () => {
  it('reads a row once, and reads it again after any change, wherever it was made', async () => {
    const t = await freshTeamDatabase(); // the other process: the command line, another instance
    cleanups.push(() => t.store.close());
    const other = new PeopleService(t.people, { scryptCost: FAST });
    const admin = await other.addUser(null, 'admin', 'admin', PASS);
    const adminActor = await other.signIn(admin.name, PASS);
    await other.addUser(adminActor, 'sam', 'sales', PASS);

    const opened: OpenedStore = await openStore(t.url, { applicationName: 'user-rows-test' });
    cleanups.push(() => opened.store.close());
    const follower = await opened.shared!.followHolds(() => {}, () => {});
    cleanups.push(() => follower.stop());
    const here = (opened.store as PostgresStore).people;
    const reads = vi.spyOn(here, 'getUser');

    expect((await here.activeUser('Sam'))?.role).toBe('sales');
    expect((await here.activeUser('sam'))?.role).toBe('sales');
    expect(reads).toHaveBeenCalledTimes(1);

    await other.setRole(adminActor, 'sam', 'manager');
    await until(async () => (await here.activeUser('sam'))?.role === 'manager', 1000);
    await other.disableUser(adminActor, 'sam');
    await until(async () => (await here.activeUser('sam'))?.disabled === true, 1000);

    // A change made here is read at once, without waiting for the notice.
    await here.setDisabled('sam', false, 'admin');
    expect((await here.activeUser('sam'))?.disabled).toBe(false);

    // No notices heard, nothing kept: every call reads.
    await follower.stop();
    reads.mockClear();
    await here.activeUser('sam');
    await here.activeUser('sam');
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
