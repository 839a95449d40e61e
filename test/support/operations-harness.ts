/**
 * A fresh database with the shared small plant imported (through the operations store, so the
 * import is in the history) and the desk over it (main/desk/), as the app opens it, as of AS_OF.
 */
import { join } from 'node:path';
import type { SqliteOperationsStore } from '../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import { deskOver, type Desk } from '../../main/desk/open-desk';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import type { Workbook } from '../../shared/schemas/workbook';
import { AS_OF, plant } from './plant';

export interface Harness extends Desk {
  store: SqliteStore;
  ops: SqliteOperationsStore;
  close(): Promise<void>;
}

export async function openHarness(dir: string, wb: Workbook = plant(), name = `h${Math.random().toString(36).slice(2)}.db`): Promise<Harness> {
  const store = SqliteStore.open(join(dir, name));
  await store.operations.importWithHistory(wb, { source: 'test plant', sha256: workbookSha256(wb), user: 'local' }, revalidator(AS_OF));
  const desk = await deskOver(store, { asOf: AS_OF, expireHolds: false });
  return { ...desk, store, ops: store.operations };
}
