/**
 * Opens a database with everything that changes promises: the check service, the people and the
 * promise services, all on one connection. Lapsed holds are released as it opens.
 */
import { PeopleService } from '../people/people-service';
import type { ScryptCost } from '../people/passphrase';
import type { CheckService } from './check-service';
import { openCheckService, type OpenServiceOptions } from './open-service';
import { PromiseService } from './promise-service';

export interface PromiseDesk {
  checks: CheckService;
  people: PeopleService;
  promises: PromiseService;
  close(): Promise<void>;
}

/** The people and promise services over a check service's store. */
export async function promiseDeskOver(checks: CheckService, opts: { now?: () => Date; scryptCost?: ScryptCost } = {}): Promise<PromiseDesk> {
  const people = new PeopleService(checks.store.people, opts);
  const promises = new PromiseService(checks, people, opts);
  await promises.expireHolds();
  return { checks, people, promises, close: () => checks.store.close() };
}

export async function openPromiseDesk(opts: OpenServiceOptions & { scryptCost?: ScryptCost }): Promise<PromiseDesk> {
  const checks = await openCheckService(opts);
  try {
    return await promiseDeskOver(checks, opts);
  } catch (e) {
    await checks.store.close();
    throw e;
  }
}
