import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../main/access/authorize';
import { previewRevert, revertChange } from '../../../main/services/revert-service';
import { revalidator } from '../../../main/services/revalidator';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { rowToCells } from '../../../shared/edits/cells';
import type { TableEdits } from '../../../shared/edits/apply-edits';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
const anna = { name: 'anna', role: 'operations' as const };
let h: Harness;
beforeEach(async () => {
  h = await openHarness(dir);
});
afterEach(() => h.close());

const version = async () => (await h.store.dataVersion())!;
const tables = async () => (await h.checks.loadPlant())!.workbook;

async function cutM8(hours: string): Promise<TableEdits[]> {
  const cal = (await tables()).calendars[0]!;
  return [{ table: 'calendars', updates: [{ index: 0, cells: { ...rowToCells('calendars', cal), mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } }], inserts: [], deletes: [] }];
}

describe('undoing a saved change from History', () => {
  it('shows the impact first, then restores the previous values as a new change, recorded like any other', async () => {
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    if (!a.ok || !b.ok) throw new Error('refused');
    const original = await tables();
    // One save: M8's calendar cut (B at risk), a stock row added, a resource removed... as one change.
    const cut = await cutM8('6');
    const edits: TableEdits[] = [...cut, { table: 'inventory', updates: [], inserts: [{ sku: 'C1', on_hand: '7' }], deletes: [] }];
    const saved = await saveTableEdits(h, anna, await version(), edits, { asOf: AS_OF });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(saved.atRisk).toEqual([b.id]);

    const dump = await h.store.dump();
    const p = await previewRevert(h, anna, saved.change.id, { asOf: AS_OF });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(await h.store.dump()).toBe(dump);
    expect(p.diff).toMatchObject({ added: 0, changed: 1, removed: 1 });
    expect(p.impact.stopAtRisk.map((x) => x.id)).toEqual([b.id]);
    expect(p.impact.becomeAtRisk).toEqual([]);

    const r = await revertChange(h, anna, saved.change.id, p.baseVersion, { asOf: AS_OF });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.atRisk).toEqual([]);
    expect(r.change).toMatchObject({ kind: 'edit', user: 'anna', changed: 1, removed: 1, added: 0, source: `undo of change #${saved.change.id} (the edit of calendars, inventory (2 rows))` });
    expect(await tables()).toEqual(original);
    const history = await h.ops.listHistory({ changeId: r.change.id });
    expect(history.map((e) => [e.table, e.op, e.key])).toEqual(expect.arrayContaining([['calendars', 'change', 'WD8'], ['inventory', 'remove', 'C1']]));
    expect(history.find((e) => e.table === 'calendars')!.fields).toEqual(['mon', 'tue', 'wed', 'thu', 'fri'].map((c) => ({ column: c, old: '6', new: '8' })));
    // The undo is a change like any other: it can be undone in turn.
    const again = await previewRevert(h, anna, r.change.id, { asOf: AS_OF });
    expect(again).toMatchObject({ ok: true, impact: { becomeAtRisk: [{ id: b.id }] } });
  });

  it('refuses when a later change touched the same row, when the tables moved, and for other roles', async () => {
    const first = await saveTableEdits(h, anna, await version(), await cutM8('6'), { asOf: AS_OF });
    if (!first.ok) throw new Error('refused');
    const base = await version();
    const second = await saveTableEdits(h, anna, base, await cutM8('5'), { asOf: AS_OF });
    if (!second.ok) throw new Error('refused');
    const p = await previewRevert(h, anna, first.change.id, { asOf: AS_OF });
    expect(p).toMatchObject({ ok: false, kind: 'refused', problems: [`calendars WD8 was changed again after change #${first.change.id}: undo the later change first, or edit the row in the tables.`] });
    expect(await revertChange(h, anna, second.change.id, base, { asOf: AS_OF })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await previewRevert(h, anna, 999, { asOf: AS_OF })).toMatchObject({ ok: false, kind: 'not_found' });
    await expect(previewRevert(h, { name: 'sam', role: 'sales' }, second.change.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('undoes an import: rows it added go, rows it removed come back, changed ones take their old values', async () => {
    const original = await tables();
    const next = { ...original, inventory: [{ sku: 'FG', on_hand: 3 }], resources: original.resources.map((r) => (r.resource_id === 'M75' ? { ...r, cost_per_hour: '41' } : r)), calendars: original.calendars.filter((c) => c.calendar_id !== 'MWF') };
    const imported = await h.ops.importWithHistory(next, { source: 'next week', sha256: 'ab'.repeat(32), user: 'olga' }, revalidator(AS_OF));
    const p = await previewRevert(h, anna, imported.change.id, { asOf: AS_OF });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.diff).toMatchObject({ added: 1, changed: 1, removed: 1 });
    const r = await revertChange(h, anna, imported.change.id, p.baseVersion, { asOf: AS_OF });
    expect(r).toMatchObject({ ok: true, change: { source: `undo of change #${imported.change.id} (the import of next week)` } });
    expect(await tables()).toEqual({ ...original, calendars: [...original.calendars.filter((c) => c.calendar_id !== 'MWF'), original.calendars.find((c) => c.calendar_id === 'MWF')] });
    // Undoing the very first import would leave the required tables empty: refused, saying so.
    const first = (await h.ops.listChanges()).at(-1)!;
    const refused = await previewRevert(h, anna, first.id, { asOf: AS_OF });
    expect(refused).toMatchObject({ ok: false, kind: 'refused', problems: expect.arrayContaining(['calendars would be left empty, and the workbook needs it.']) });
  });
});
