/**
 * Confirming a promise in tests that only need promises to exist: through the promise service
 * (the one way a promise is recorded, behind the role gate) as `local`, the single-user admin, on
 * the check service's own SQLite database. No summaries are signed (`local` here has no key).
 */
import type { SqliteStore } from '../../main/db/sqlite-store';
import { SqlitePeopleStore } from '../../main/db/sqlite-people-store';
import { PeopleService } from '../../main/people/people-service';
import type { CheckService } from '../../main/services/check-service';
import { PromiseService, type Outcome } from '../../main/services/promise-service';
import { LOCAL_ACTOR, type ActorRef } from '../../shared/rules/roles';

export function promisesOver(checks: CheckService): PromiseService {
  const db = (checks.store as SqliteStore).db;
  return new PromiseService(checks, new PeopleService(new SqlitePeopleStore(db)));
}

export function confirmAs(checks: CheckService, request: unknown, asOf?: string, actor: ActorRef = LOCAL_ACTOR): Promise<Outcome> {
  return promisesOver(checks).confirm(actor, { request }, asOf);
}
