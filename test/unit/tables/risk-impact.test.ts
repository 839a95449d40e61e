import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../main/access/authorize';
import { compareRisk, sayImpact } from '../../../main/services/risk-impact';
import { previewTableEdits, saveTableEdits } from '../../../main/services/table-edit-service';
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

async function calendarHours(hours: string): Promise<TableEdits[]> {
  const cal = (await h.checks.loadPlant())!.workbook.calendars[0]!;
  return [{ table: 'calendars', updates: [{ index: 0, cells: { ...rowToCells('calendars', cal), mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } }], inserts: [], deletes: [] }];
}

describe('the damage before saving: which promises an edit would put at risk', () => {
  it('names the promise that would become at risk with its reasons, writes nothing, and the save then does exactly that', async () => {
    // M8 makes 4 FG a day (8 h, 2 h each). A: 8 by Wednesday, then B: 8 by Friday; both fit.
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    if (!a.ok || !b.ok) throw new Error('the promises were refused');
    const dump = await h.store.dump();
    const base = await version();

    const cut = await calendarHours('6');
    const p = await previewTableEdits(h, anna, base, cut, { asOf: AS_OF });
    if (!p.ok) throw new Error(JSON.stringify(p));
    expect(p.impact).toMatchObject({ open: 2, stopAtRisk: [], stayAtRisk: 0 });
    expect(p.impact.becomeAtRisk.map((x) => x.id)).toEqual([b.id]);
    expect(p.impact.becomeAtRisk[0]!.customer).toBe('Acme GmbH');
    expect(p.impact.becomeAtRisk[0]!.reasons.map((r) => r.code)).toContain('capacity_short');
    expect(p.impact.becomeAtRisk[0]!.reasons[0]!.message).toMatch(/^FG: /);
    expect(sayImpact(p.impact)).toBe('1 promise would become at risk.');
    // Going back: nothing was written.
    expect(await h.store.dump()).toBe(dump);
    expect(await version()).toBe(base);

    const saved = await saveTableEdits(h, anna, base, cut, { asOf: AS_OF });
    expect(saved).toMatchObject({ ok: true, atRisk: [b.id] });
    const stored = (await h.store.listPromises({ atRisk: true }))[0]!;
    expect(stored.riskReasons).toEqual(p.impact.becomeAtRisk[0]!.reasons);

    // Giving the hours back: B would stop being at risk, with the reasons it had.
    const back = await previewTableEdits(h, anna, await version(), await calendarHours('8'), { asOf: AS_OF });
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect(back.impact.becomeAtRisk).toEqual([]);
    expect(back.impact.stopAtRisk).toEqual([{ id: b.id, customer: 'Acme GmbH', reasons: stored.riskReasons }]);
    expect(sayImpact(back.impact)).toBe('1 promise would no longer be at risk.');
  });

  it('refuses like a save: invalid edits, a stale version, nothing to save, a role that may not edit', async () => {
    const base = await version();
    const bad = await calendarHours('25');
    expect(await previewTableEdits(h, anna, base, bad, { asOf: AS_OF })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await previewTableEdits(h, anna, 'v0-old', await calendarHours('6'), { asOf: AS_OF })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await previewTableEdits(h, anna, base, [{ table: 'calendars', updates: [], inserts: [], deletes: [] }], { asOf: AS_OF })).toMatchObject({ ok: false, kind: 'empty' });
    await expect(previewTableEdits(h, { name: 'sam', role: 'sales' }, base, await calendarHours('6'), { asOf: AS_OF })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('compares flags: become, stop, stay', () => {
    const p = (id: string, atRisk: boolean) => ({ id, customer: `C${id}`, atRisk, riskReasons: atRisk ? [{ code: 'stock_short' as const, message: 'was' }] : [], request: null as never, covered: [], holds: [], dispatchDates: [] });
    const o = (id: string, atRisk: boolean) => ({ id, rechecked: true, result: null, holds: [], atRisk, reasons: atRisk ? [{ code: 'capacity_short' as const, message: 'now' }] : [] });
    const i = compareRisk([p('1', false), p('2', true), p('3', true), p('4', false)], [o('1', true), o('2', false), o('3', true), o('4', false)]);
    expect(i).toEqual({
      open: 4,
      becomeAtRisk: [{ id: '1', customer: 'C1', reasons: [{ code: 'capacity_short', message: 'now' }] }],
      stopAtRisk: [{ id: '2', customer: 'C2', reasons: [{ code: 'stock_short', message: 'was' }] }],
      stayAtRisk: 1,
    });
    expect(sayImpact({ open: 3, becomeAtRisk: [], stopAtRisk: [], stayAtRisk: 1 })).toBe('No open promise would change its risk (3 promises replanned, 1 still at risk).');
  });
});
