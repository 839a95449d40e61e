/**
 * A fresh database with the shared small plant imported (through the operations store, so the
 * import is in the history) and the services over it, as the app wires them, as of AS_OF.
 */
import { join } from 'node:path';
import { SqliteOperationsStore } from '../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import { CheckService } from '../../main/services/check-service';
import type { OperationsDeps } from '../../main/services/operations-deps';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import type { Workbook } from '../../shared/schemas/workbook';
import { AS_OF, plant } from './plant';

export interface Harness extends OperationsDeps {
  store: SqliteStore;
  ops: SqliteOperationsStore;
  close(): Promise<void>;
}

export async function openHarness(dir: string, wb: Workbook = plant(), name = `h${Math.random().toString(36).slice(2)}.db`): Promise<Harness> {
  const store = SqliteStore.open(join(dir, name));
  const checks = new CheckService(store, { now: () => new Date(`${AS_OF}T12:00:00`) });
  const ops = new SqliteOperationsStore(store.db);
  await ops.importWithHistory(wb, { source: 'test plant', sha256: workbookSha256(wb), user: 'local' }, revalidator(AS_OF));
  return { store, checks, ops, close: () => store.close() };
}
