import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ForbiddenError, LOCAL_ACTOR } from '../../../main/access/authorize';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { rowToCells } from '../../../shared/edits/cells';
import type { TableEdits } from '../../../shared/edits/apply-edits';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { revalidator } from '../../../main/services/revalidator';
import { workbookSha256 } from '../../../main/services/workbook-service';
import { AS_OF, line, plant, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
const anna = { name: 'anna', role: 'operations' as const };
let h: Harness;

beforeEach(async () => {
  h = await openHarness(dir);
});
afterEach(() => h.close());

async function version() {
  return (await h.store.dataVersion())!;
}

function updateRow<T extends 'calendars' | 'resources' | 'inventory'>(table: T, index: number, change: Record<string, string>, wb = h.checks): Promise<TableEdits> {
  return wb.loadPlant().then((p) => ({
    table,
    updates: [{ index, cells: { ...rowToCells(table, p!.workbook[table][index]! as never), ...change } }],
    inserts: [],
    deletes: [],
  }));
}

describe('saving table edits', () => {
  it('records who changed which field from what to what, with a new data version that checks report', async () => {
    const before = await version();
    const r = await saveTableEdits(h, anna, before, [await updateRow('resources', 0, { cost_per_hour: '35.00' })], { asOf: AS_OF });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = await version();
    expect(after).not.toBe(before);
    expect(r.change).toMatchObject({ kind: 'edit', user: 'anna', dataVersion: after, added: 0, changed: 1, removed: 0, source: 'edit of resources (1 row)' });

    const history = await h.ops.listHistory({ table: 'resources' });
    expect(history[0]).toMatchObject({ op: 'change', key: 'M8', fields: [{ column: 'cost_per_hour', old: '30', new: '35' }], change: { user: 'anna', dataVersion: after } });
    // The import that came first is in the history too, one row each.
    expect((await h.ops.listHistory({ table: 'resources', user: 'local' })).map((e) => [e.op, e.key])).toEqual([
      ['add', 'OFF'],
      ['add', 'M75'],
      ['add', 'M8'],
    ]);
    expect(await h.ops.historyUsers()).toEqual(['anna', 'local']);
    expect((await h.ops.listHistory({ key: 'm8' })).map((e) => `${e.table} ${e.key} ${e.op}`)).toEqual(['resources M8 change', 'routings FG / M8 add', 'resources M8 add']);

    const check = await h.checks.check(request(line('FG', 1, '2026-03-06')), AS_OF);
    expect(check.ok && check.result.data_version).toBe(after);
    expect((await h.checks.loadPlant())!.workbook.resources[0]!.cost_per_hour).toBe('35');
  });

  it('a capacity cut puts exactly the later of two promises at risk, with its reasons', async () => {
    // M8 makes 4 FG a day (8 h, 2 h each). A: 8 by Wednesday, then B: 8 by Friday; both fit.
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    // 6 h a day: A still fits Mon–Wed (9 units), B has 6 on Thu–Fri and 1 left on Monday.
    const r = await saveTableEdits(h, anna, await version(), [await updateRow('calendars', 0, { mon: '6', tue: '6', wed: '6', thu: '6', fri: '6' })], { asOf: AS_OF });
    expect(r).toMatchObject({ ok: true, revalidated: [a.id, b.id], atRisk: [b.id] });
    const risky = await h.store.listPromises({ atRisk: true });
    expect(risky.map((p) => p.id)).toEqual([b.id]);
    expect(risky[0]!.riskReasons.map((x) => x.code)).toContain('capacity_short');
    expect(risky[0]!.riskReasons[0]!.message).toMatch(/^FG: /);

    // Giving the hours back clears the flag: it is worked out afresh each time.
    const back = await saveTableEdits(h, anna, await version(), [await updateRow('calendars', 0, { mon: '8', tue: '8', wed: '8', thu: '8', fri: '8' })], { asOf: AS_OF });
    expect(back).toMatchObject({ ok: true, atRisk: [] });
  });

  it('a stock increase breaks no promise', async () => {
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    expect(a.ok && b.ok).toBe(true);
    const r = await saveTableEdits(h, anna, await version(), [{ table: 'inventory', updates: [], inserts: [{ sku: 'FG', on_hand: '100' }], deletes: [] }], { asOf: AS_OF });
    expect(r).toMatchObject({ ok: true, atRisk: [] });
    expect((r as { revalidated: string[] }).revalidated).toHaveLength(2);
    expect(await h.store.listPromises({ atRisk: true })).toEqual([]);
  });

  it('refuses an edit that breaks a reference, and changes nothing', async () => {
    const dump = await h.store.dump();
    const r = await saveTableEdits(h, anna, await version(), [{ table: 'resources', updates: [], inserts: [], deletes: [0] }], { asOf: AS_OF });
    expect(r).toEqual({ ok: false, kind: 'invalid', issues: [{ table: 'routings', ref: { kind: 'base', index: 0 }, column: 'resource_id', message: 'resource M8 does not exist' }] });
    expect(await h.store.dump()).toBe(dump);
  });

  it('refuses a bad cell with the importer’s reason, and changes nothing', async () => {
    const dump = await h.store.dump();
    const r = await saveTableEdits(h, anna, await version(), [await updateRow('resources', 1, { calendar_id: ' WD8' })], { asOf: AS_OF });
    expect(r).toMatchObject({ ok: false, kind: 'invalid', issues: [{ table: 'resources', column: 'calendar_id', message: 'must not start or end with a space' }] });
    expect(await h.store.dump()).toBe(dump);
  });

  it('refuses edits made on tables that changed since', async () => {
    const old = await version();
    expect((await saveTableEdits(h, anna, old, [await updateRow('resources', 0, { name: 'Press' })], { asOf: AS_OF })).ok).toBe(true);
    const dump = await h.store.dump();
    const r = await saveTableEdits(h, anna, old, [await updateRow('resources', 1, { name: 'Lathe' })], { asOf: AS_OF });
    expect(r).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await h.store.dump()).toBe(dump);
  });

  it('saves many rows of several tables at once, rows added and removed keeping their order', async () => {
    const r = await saveTableEdits(
      h,
      LOCAL_ACTOR,
      await version(),
      [
        { table: 'calendars', updates: [], inserts: [{ calendar_id: 'NIGHT', mon: '4', tue: '4', wed: '4', thu: '4', fri: '4', sat: '0', sun: '0' }], deletes: [3] },
        { table: 'resources', updates: [], inserts: [{ resource_id: 'N1', name: '', calendar_id: 'NIGHT', cost_per_hour: '50', overtime_hours_per_day: '', overtime_cost_per_hour: '' }], deletes: [] },
      ],
      { asOf: AS_OF },
    );
    expect(r).toMatchObject({ ok: true, change: { added: 2, removed: 1, changed: 0, source: 'edit of calendars, resources (3 rows)' } });
    const wb = (await h.checks.loadPlant())!.workbook;
    expect(wb.calendars.map((c) => c.calendar_id)).toEqual(['WD8', 'WD75', 'ZERO', 'MWF', 'NIGHT']);
    expect(wb.resources.at(-1)).toEqual({ resource_id: 'N1', name: null, calendar_id: 'NIGHT', cost_per_hour: '50', overtime_hours_per_day: null, overtime_cost_per_hour: null });
  });

  it('keeps the tables it saved instead of reading them back, and reads them again after another writer', async () => {
    const read = vi.spyOn(h.store, 'loadPlant');
    const r = await saveTableEdits(h, anna, await version(), [await updateRow('resources', 0, { cost_per_hour: '36' })], { asOf: AS_OF });
    expect(r.ok).toBe(true);
    read.mockClear();
    expect((await h.checks.loadPlant())!.workbook.resources[0]!.cost_per_hour).toBe('36');
    expect(read).not.toHaveBeenCalled();

    // Another writer (an import from the command line, another instance): a new version, read.
    const other = plant({ resources: 'resource_id,name,calendar_id,cost_per_hour,overtime_hours_per_day,overtime_cost_per_hour\nM8,Other,WD8,31,,\nM75,,WD75,40,,\nOFF,,ZERO,10,,' });
    await h.ops.importWithHistory(other, { source: 'other', sha256: workbookSha256(other), user: 'local' }, revalidator(AS_OF));
    expect((await h.checks.loadPlant())!.workbook.resources[0]).toMatchObject({ name: 'Other', cost_per_hour: '31' });
    expect(read).toHaveBeenCalledOnce();
  });

  it('lets only operations and admin change the tables', async () => {
    const edit = [await updateRow('resources', 0, { name: 'Press' })];
    await expect(saveTableEdits(h, { name: 'sam', role: 'sales' }, await version(), edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveTableEdits(h, { name: 'meg', role: 'manager' }, await version(), edit)).rejects.toThrow(/may not change the operations tables/);
    expect((await saveTableEdits(h, { name: 'ada', role: 'admin' }, await version(), edit, { asOf: AS_OF })).ok).toBe(true);
  });
});
