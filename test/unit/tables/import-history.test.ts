import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteOperationsStore } from '../../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { importFromPath, seedDemoIfEmpty } from '../../../main/services/workbook-service';
import { exportWorkbook } from '../../../main/workbook/export-workbook';
import { AS_OF, plant } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
let store: SqliteStore | null = null;
afterEach(async () => store?.close());

describe('every import is in the history', () => {
  it('records the command line’s import (from a path) with its user and data version', async () => {
    store = SqliteStore.open(join(dir, 'cli.db'));
    await exportWorkbook(plant(), join(dir, 'wb'));
    const r = await importFromPath(store, join(dir, 'wb'), { asOf: AS_OF, actor: { name: 'olga', role: 'operations' } });
    expect(r.ok).toBe(true);
    const [change] = await new SqliteOperationsStore(store.db).listChanges();
    expect(change).toMatchObject({ kind: 'import', user: 'olga', source: 'wb', dataVersion: (await store.dataVersion())!, added: 13, changed: 0, removed: 0 });
  });

  it('records the demo plant seeded into a new database', async () => {
    store = SqliteStore.open(join(dir, 'demo.db'));
    expect(await seedDemoIfEmpty(store, { today: AS_OF, user: 'local' })).toBe(true);
    const [change] = await new SqliteOperationsStore(store.db).listChanges();
    expect(change).toMatchObject({ kind: 'import', user: 'local', source: 'demo plant', changed: 0, removed: 0 });
    expect(change!.added).toBeGreaterThan(10);
  });
});
