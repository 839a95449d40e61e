/**
 * After a save of edits the desk keeps the tables it saved instead of reading them back
 * (`CheckService.remember`). On either store they must be the tables the database holds, value
 * for value: every column kind edited, emptied, added and removed, awkward text included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../main/access/authorize';
import { deskOver, type Desk } from '../../../main/desk/open-desk';
import { revalidator } from '../../../main/services/revalidator';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { workbookSha256 } from '../../../main/services/workbook-service';
import type { TableEdits } from '../../../shared/edits/apply-edits';
import { rowToCells } from '../../../shared/edits/cells';
import { TABLES, type TableName } from '../../../shared/schemas/workbook';
import { AS_OF, plant } from '../../support/plant';
import { openStoreUnderTest, storeKinds, type StoreUnderTest } from '../../support/stores';

const BASE = plant({
  calendar_exceptions: 'calendar_id,date_from,date_to,hours,note\nWD8,2026-03-05,2026-03-05,0,"Holiday, plant-wide"',
  resource_load: 'resource_id,date,hours\nM8,2026-03-03,2\nM8,2026-03-03,1.25',
  bom: 'sku,component_sku,qty_per_unit\nFG,C1,2',
  inventory: 'sku,on_hand\nFG,3\nC1,40',
  receipts: 'sku,date,qty\nC1,2026-03-10,100',
  orders: 'order_id,sku,dispatch_date,qty\n007,FG,2026-03-06,2',
  policy: 'key,value\nhorizon_days,60\ncurrency,EUR',
});

/** Each table's first row changed in place by `change`, cells as a person types them. */
const EDITS: Partial<Record<TableName, Record<string, string>>> = {
  calendars: { mon: '7.50', sun: '0.0' },
  calendar_exceptions: { hours: '2.5', note: '' },
  resources: { name: ' Müller & Söhne, "A" ', cost_per_hour: '31.0000', overtime_hours_per_day: '2', overtime_cost_per_hour: '45.5' },
  resource_load: { hours: '3.50' },
  products: { name: '工場 🏭', unit: 'kg', list_price: '', min_margin_pct: '12.5' },
  bom: { qty_per_unit: '3' },
  inventory: { on_hand: '0' },
  receipts: { qty: '007' },
  orders: { order_id: 'TRUE', qty: '3' },
  lanes: { cost_per_unit: '0.10', cost_per_shipment: '12' },
  policy: { value: '90' },
};

let t: StoreUnderTest | null = null;
let desk: Desk | null = null;
afterEach(async () => {
  await t?.close();
  t = desk = null;
});

describe.each(storeKinds())('the tables kept after a save (%s)', (kind) => {
  it('are the tables the database holds', async () => {
    t = await openStoreUnderTest(kind);
    await t.operations.importWithHistory(BASE, { source: 'test plant', sha256: workbookSha256(BASE), user: 'local' }, revalidator(AS_OF));
    desk = await deskOver(t.store, { asOf: AS_OF, expireHolds: false });
    const wb = (await desk.checks.loadPlant())!.workbook;
    const edits: TableEdits[] = Object.entries(EDITS).map(([table, change]) => {
      const rows = wb[table as TableName] as Record<string, unknown>[];
      return { table: table as TableName, updates: [{ index: 0, cells: { ...rowToCells(table as TableName, rows[0] as never), ...change } }], inserts: [], deletes: [] };
    });
    edits.find((e) => e.table === 'resource_load')!.deletes.push(1);
    edits.find((e) => e.table === 'receipts')!.inserts.push({ sku: 'FG', date: '2026-03-11', qty: '5' });
    const saved = await saveTableEdits(desk, LOCAL_ACTOR, (await t.store.dataVersion())!, edits, { asOf: AS_OF });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);

    const kept = (await desk.checks.loadPlant())!;
    const read = (await t.store.loadPlant())!;
    expect(kept.dataVersion).toBe(read.dataVersion);
    expect(kept.importedAt).toBe(read.importedAt);
    expect(kept.source).toBe(read.source);
    expect(kept.workbook).toStrictEqual(read.workbook);
    // Every table took part.
    for (const table of Object.keys(TABLES) as TableName[]) if (EDITS[table]) expect(kept.workbook[table]).not.toStrictEqual(BASE[table]);
  });
});
