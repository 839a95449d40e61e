/**
 * The operations end-to-end suites' database: the shared small plant imported as a planner would
 * (with history), and two confirmed promises of 8 FG, by Wednesday and by Friday (as of Monday
 * 2026-03-02). Returns the two promises' ids, Wednesday's first.
 */
import { SqliteOperationsStore } from '../../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { CheckService } from '../../../main/services/check-service';
import { revalidator } from '../../../main/services/revalidator';
import { workbookSha256 } from '../../../main/services/workbook-service';
import { confirmAs } from '../../support/confirm';
import { AS_OF, line, plant, request } from '../../support/plant';

export async function prepareOpsDatabase(file: string): Promise<string[]> {
  const store = SqliteStore.open(file);
  try {
    const wb = plant();
    await new SqliteOperationsStore(store.db).importWithHistory(wb, { source: 'small plant', sha256: workbookSha256(wb), user: 'local' }, revalidator(AS_OF));
    const checks = new CheckService(store, { now: () => new Date(`${AS_OF}T12:00:00`) });
    const ids: string[] = [];
    for (const d of ['2026-03-04', '2026-03-06']) {
      const c = await confirmAs(checks, request(line('FG', 8, d)), AS_OF);
      if (!c.ok) throw new Error(`setup: ${JSON.stringify(c)}`);
      ids.push(c.id);
    }
    return ids;
  } finally {
    await store.close();
  }
}
