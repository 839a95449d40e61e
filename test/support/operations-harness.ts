/**
 * A fresh database with the shared small plant imported (through the operations store, so the
 * import is in the history) and the services over it, as the app wires them, as of AS_OF.
 */
import { join } from 'node:path';
import { SqliteOperationsStore } from '../../main/db/sqlite-operations-store';
import { SqlitePeopleStore } from '../../main/db/sqlite-people-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import { PeopleService } from '../../main/people/people-service';
import { CheckService } from '../../main/services/check-service';
import type { OperationsDeps } from '../../main/services/operations-deps';
import { PromiseService } from '../../main/services/promise-service';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import type { Workbook } from '../../shared/schemas/workbook';
import { AS_OF, plant } from './plant';

export interface Harness extends OperationsDeps {
  store: SqliteStore;
  ops: SqliteOperationsStore;
  /** The promise service over the same database (re-promise and cancel go through it). */
  promises: PromiseService;
  close(): Promise<void>;
}

export async function openHarness(dir: string, wb: Workbook = plant(), name = `h${Math.random().toString(36).slice(2)}.db`): Promise<Harness> {
  const store = SqliteStore.open(join(dir, name));
  const now = () => new Date(`${AS_OF}T12:00:00`);
  const checks = new CheckService(store, { now });
  const ops = new SqliteOperationsStore(store.db);
  const promises = new PromiseService(checks, new PeopleService(new SqlitePeopleStore(store.db), { now }), { ops, now });
  await ops.importWithHistory(wb, { source: 'test plant', sha256: workbookSha256(wb), user: 'local' }, revalidator(AS_OF));
  return { store, checks, ops, promises, close: () => store.close() };
}
