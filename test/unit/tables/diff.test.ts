import { describe, expect, it } from 'vitest';
import { diffTable, diffWorkbooks, isUnchanged } from '../../../shared/edits/diff';
import { plant } from '../../support/plant';

describe('import diff', () => {
  it('finds nothing between a workbook and itself', () => {
    const wb = plant();
    const d = diffWorkbooks(wb, plant());
    expect(isUnchanged(d)).toBe(true);
    expect(d.tables.find((t) => t.table === 'calendars')!.unchanged).toBe(5);
  });

  it('counts every row as added into an empty database', () => {
    const d = diffWorkbooks(null, plant());
    expect(d.added).toBe(5 + 3 + 2 + 1 + 1 + 1);
    expect(d.changed + d.removed).toBe(0);
  });

  it('matches unique tables by key and lists changed fields old → new', () => {
    const before = plant();
    const after = plant({
      resources: `resource_id,name,calendar_id,cost_per_hour,overtime_hours_per_day,overtime_cost_per_hour
M75,Machine 7.5 h,WD75,40,,
M8,"Machine, 8 h",WD75,31.5,2,
NEW,New one,WD8,10,,`,
    });
    const d = diffTable('resources', before.resources, after.resources);
    expect(d).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    expect(d.changes).toContainEqual({
      op: 'change',
      key: 'M8',
      fields: [
        { column: 'calendar_id', old: 'WD8', new: 'WD75' },
        { column: 'cost_per_hour', old: '30', new: '31.5' },
        { column: 'overtime_hours_per_day', old: null, new: '2' },
      ],
    });
    expect(d.changes).toContainEqual(expect.objectContaining({ op: 'add', key: 'NEW' }));
    expect(d.changes).toContainEqual(expect.objectContaining({ op: 'remove', key: 'OFF' }));
  });

  it('pairs repeated keys (receipts) identical first, then in order as changes', () => {
    const before = plant({ receipts: 'sku,date,qty\nC1,2026-03-05,10\nC1,2026-03-05,20\nC1,2026-03-06,5' });
    const after = plant({ receipts: 'sku,date,qty\nC1,2026-03-05,20\nC1,2026-03-05,12\nC1,2026-03-07,5' });
    const d = diffTable('receipts', before.receipts, after.receipts);
    expect(d).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    expect(d.changes).toContainEqual({ op: 'change', key: 'C1 / 2026-03-05', fields: [{ column: 'qty', old: 10, new: 12 }] });
  });

  it('keeps each order its own row even with one id', () => {
    const before = plant({ orders: 'order_id,sku,dispatch_date,qty\nSO-1,FG,2026-03-05,3' });
    const after = plant({ orders: 'order_id,sku,dispatch_date,qty\nSO-1,FG,2026-03-05,3\nSO-1,FG,2026-03-05,3' });
    expect(diffTable('orders', before.orders, after.orders)).toMatchObject({ added: 1, unchanged: 1, changed: 0, removed: 0 });
  });

  it('treats an emptied default cell as a change to null', () => {
    const before = plant();
    const after = plant({ products: 'sku,name,unit,supply,lead_time_days,purchase_cost,list_price,min_margin_pct\nFG,,,make,0,,100,\nC1,Component,,buy,30,1.25,,' });
    const d = diffTable('products', before.products, after.products);
    expect(d.changes).toEqual([{ op: 'change', key: 'FG', fields: [{ column: 'name', old: 'Finished', new: null }] }]);
  });
});
