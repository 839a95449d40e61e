/**
 * A save right after its preview uses the preview's replan instead of working it out again
 * (main/services/replan-memo.ts, main/db/open-promises-memo.ts). That is only a shortcut when
 * nothing changed in between: the open promises, the edits, their base version and the day. These
 * tests change each and check that the save then replans what is there, and that a save after a
 * preview stores exactly what a save without one stores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOpenPromises } from '../../../main/db/open-promises-memo';
import { keepReplan, replanKey, takeReplan } from '../../../main/services/replan-memo';
import { previewTableEdits, saveTableEdits } from '../../../main/services/table-edit-service';
import { rowToCells } from '../../../shared/edits/cells';
import type { TableEdits } from '../../../shared/edits/apply-edits';
import type { PromiseToRevalidate } from '../../../shared/engine/types';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
const anna = { name: 'anna', role: 'operations' as const };
let h: Harness;
let other: Harness;

beforeEach(async () => {
  h = await openHarness(dir);
  other = await openHarness(dir);
});
afterEach(async () => {
  await h.close();
  await other.close();
});

async function calendarHours(on: Harness, hours: string): Promise<TableEdits[]> {
  const cal = (await on.checks.loadPlant())!.workbook.calendars[0]!;
  return [{ table: 'calendars', updates: [{ index: 0, cells: { ...rowToCells('calendars', cal), mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } }], inserts: [], deletes: [] }];
}

/** Two promises on M8 (4 FG a day); cutting its hours to 6 puts the second at risk. */
async function twoPromises(on: Harness): Promise<string[]> {
  const ids: string[] = [];
  for (const r of [request(line('FG', 8, '2026-03-04')), request(line('FG', 8, '2026-03-06'))]) {
    const o = await confirmAs(on.checks, r, AS_OF);
    if (!o.ok) throw new Error('a promise was refused');
    ids.push(o.id);
  }
  return ids;
}

async function stored(on: Harness) {
  const list = await on.store.listPromises({});
  return Promise.all(list.map(async (p) => ({ id: p.id, atRisk: p.atRisk, reasons: p.riskReasons, holds: (await on.store.getPromise(p.id))?.holds })));
}

describe('a save after its preview', () => {
  it('stores exactly what a save without a preview stores', async () => {
    const [, b] = await twoPromises(h);
    await twoPromises(other);
    const base = (await h.store.dataVersion())!;
    const p = await previewTableEdits(h, anna, base, await calendarHours(h, '6'), { asOf: AS_OF });
    expect(p.ok && p.impact.becomeAtRisk.map((x) => x.id)).toEqual([b]);
    const after = await saveTableEdits(h, anna, base, await calendarHours(h, '6'), { asOf: AS_OF });
    const alone = await saveTableEdits(other, anna, (await other.store.dataVersion())!, await calendarHours(other, '6'), { asOf: AS_OF });
    expect(after).toMatchObject({ ok: true, atRisk: [b] });
    expect(alone.ok && after.ok && [alone.revalidated, alone.atRisk]).toEqual(after.ok && [after.revalidated, after.atRisk]);
    expect(await stored(h)).toEqual(await stored(other));
  });

  it('replans the promises there are now when one was confirmed after the preview', async () => {
    await twoPromises(h);
    const base = (await h.store.dataVersion())!;
    const cut = await calendarHours(h, '6');
    await previewTableEdits(h, anna, base, cut, { asOf: AS_OF });
    const c = await confirmAs(h.checks, request(line('FG', 1, '2026-03-12')), AS_OF);
    if (!c.ok) throw new Error('refused');
    const saved = await saveTableEdits(h, anna, base, cut, { asOf: AS_OF });
    expect(saved.ok && saved.revalidated).toContain(c.id);
  });

  it('replans when the edits or the day differ from the preview’s', async () => {
    const [, b] = await twoPromises(h);
    const base = (await h.store.dataVersion())!;
    // Previewed a harmless edit, then saved the cut: the cut's outcome, not the preview's.
    await previewTableEdits(h, anna, base, await calendarHours(h, '7.99'), { asOf: AS_OF });
    expect(await saveTableEdits(h, anna, base, await calendarHours(h, '6'), { asOf: AS_OF })).toMatchObject({ ok: true, atRisk: [b] });
  });
});

describe('the kept replan and the kept open promises', () => {
  it('hands the outcomes back once, and only for the same key and the very same promises', () => {
    const store = {};
    const req = { customer: 'Acme GmbH', region: 'DE', mode: 'standard' as const, lines: [{ sku: 'FG', qty: 1, requested_date: '2026-03-04', unit_price: '100' }] };
    const open: PromiseToRevalidate[] = [{ id: 'P-1', request: req, covered: [], holds: [], dispatchDates: [] }];
    const outcomes = [{ id: 'P-1', rechecked: true, result: null, holds: [], atRisk: false, reasons: [] }];
    const key = replanKey('v1', [], AS_OF);
    keepReplan(store, key, open, outcomes);
    expect(takeReplan(store, replanKey('v1', [], '2026-03-03'), open)).toBeNull();
    expect(takeReplan(store, key, [...open])).toBeNull();
    expect(takeReplan(store, key, open)).toBe(outcomes);
    expect(takeReplan(store, key, open)).toBeNull();
  });

  it('reads the open promises again after any write', async () => {
    await twoPromises(h);
    const first = h.store.db.transaction(() => readOpenPromises(h.store.db))();
    expect(h.store.db.transaction(() => readOpenPromises(h.store.db))()).toBe(first);
    await confirmAs(h.checks, request(line('FG', 1, '2026-03-12')), AS_OF);
    const again = h.store.db.transaction(() => readOpenPromises(h.store.db))();
    expect(again).not.toBe(first);
    expect(again).toHaveLength(3);
  });
});
