import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, LOCAL_ACTOR } from '../../../main/access/authorize';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { WorkbookTransfer, plainFileName, type WorkbookUpload } from '../../../main/services/workbook-transfer-service';
import { workbookToCsv } from '../../../main/workbook/export-workbook';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, plant, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
let h: Harness;
let t: WorkbookTransfer;

beforeEach(async () => {
  h = await openHarness(dir);
  t = new WorkbookTransfer(h);
});
afterEach(() => h.close());

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function csvUpload(files: Map<string, string>, name = 'plant'): WorkbookUpload {
  return { kind: 'csv', name, files: [...files].map(([n, text]) => ({ name: n, base64: b64(text) })) };
}

describe('import in the app', () => {
  it('reports every bad row with file, line, column and reason, and changes nothing', async () => {
    const files = workbookToCsv(plant());
    files.set('resources.csv', 'resource_id,name,calendar_id,cost_per_hour\nM8,a,WD8,30\nM75,b,WD75,-1\nOFF,c,ZERO,10\n');
    files.set('calendars.csv', 'calendar_id,mon,tue,wed,thu,fri,sat,sun\nWD8,8,8,8,8,8,0,0\nWD75,7.5,7.5,7.5,7.5,7.5,0,0\nZERO,0,0,0,0,0,0,0\nALL,1,1,1,1,1,1,25\nMWF,1,0,1,0,1,0,0\n');
    files.set('routings.csv', 'sku,resource_id,hours_per_unit\nFG,M9,2\n');
    const dump = await h.store.dump();
    const r = await t.previewUpload(LOCAL_ACTOR, csvUpload(files));
    expect(r).toEqual({
      ok: false,
      issues: [
        { file: 'calendars.csv', line: 5, column: 'sun', reason: 'must be at most 24, got 25' },
        { file: 'resources.csv', line: 3, column: 'cost_per_hour', reason: 'must be a non-negative number, got "-1"' },
        { file: 'routings.csv', line: 2, column: 'resource_id', reason: 'resource M9 does not exist' },
      ],
    });
    expect(await h.store.dump()).toBe(dump);
  });

  it('previews what changes per table, then imports it with its history', async () => {
    const files = workbookToCsv(plant({ inventory: 'sku,on_hand\nFG,12' }));
    files.set('resources.csv', files.get('resources.csv')!.replace('M75,Machine 7.5 h,WD75,40', 'M75,Machine 7.5 h,WD75,42'));
    const dump = await h.store.dump();
    const p = await t.previewUpload(LOCAL_ACTOR, csvUpload(files, 'next week'));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(await h.store.dump()).toBe(dump); // a preview writes nothing
    expect(p).toMatchObject({ source: 'next week', format: 'csv', added: 1, changed: 1, removed: 0 });
    expect(p.tables.find((x) => x.table === 'resources')).toMatchObject({ changed: 1, sample: [{ op: 'change', key: 'M75', fields: [{ column: 'cost_per_hour', old: '40', new: '42' }] }] });
    const applied = await t.apply({ name: 'olga', role: 'operations' }, p.token, { asOf: AS_OF });
    expect(applied).toMatchObject({ ok: true });
    const [last] = await h.ops.listChanges();
    expect(last).toMatchObject({ kind: 'import', user: 'olga', source: 'next week', added: 1, changed: 1, removed: 0 });
    expect(await t.apply(LOCAL_ACTOR, p.token)).toMatchObject({ ok: false, kind: 'expired' });
  });

  it('the preview names the open promises the import would put at risk, with reasons, before anything is written', async () => {
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    if (!a.ok || !b.ok) throw new Error('the promises were refused');
    // M8 on 6 h a day: A still fits, B does not.
    const files = workbookToCsv(plant({ calendars: 'calendar_id,mon,tue,wed,thu,fri,sat,sun\nWD8,6,6,6,6,6,0,0\nWD75,7.5,7.5,7.5,7.5,7.5,0,0\nZERO,0,0,0,0,0,0,0\nALL,1,1,1,1,1,1,1\nMWF,1,0,1,0,1,0,0' }));
    const dump = await h.store.dump();
    const p = await t.previewUpload(LOCAL_ACTOR, csvUpload(files), { asOf: AS_OF });
    if (!p.ok) throw new Error('preview should pass');
    expect(await h.store.dump()).toBe(dump);
    expect(p.impact).toMatchObject({ open: 2, stopAtRisk: [], stayAtRisk: 0 });
    expect(p.impact.becomeAtRisk.map((x) => [x.id, x.customer])).toEqual([[b.id, 'Acme GmbH']]);
    expect(p.impact.becomeAtRisk[0]!.reasons.map((r) => r.code)).toContain('capacity_short');
    const applied = await t.apply(LOCAL_ACTOR, p.token, { asOf: AS_OF });
    expect(applied).toMatchObject({ ok: true, atRisk: [b.id] });
  });

  it('refuses to apply a preview when the tables changed since', async () => {
    const p = await t.previewUpload(LOCAL_ACTOR, csvUpload(workbookToCsv(plant({ inventory: 'sku,on_hand\nFG,1' }))));
    if (!p.ok) throw new Error('preview should pass');
    await saveTableEdits(h, LOCAL_ACTOR, p.baseVersion!, [{ table: 'inventory', updates: [], inserts: [{ sku: 'C1', on_hand: '3' }], deletes: [] }], { asOf: AS_OF });
    const dump = await h.store.dump();
    expect(await t.apply(LOCAL_ACTOR, p.token, { asOf: AS_OF })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await h.store.dump()).toBe(dump);
  });

  it('round-trips its own .xlsx and CSV downloads unchanged', async () => {
    const x = await t.download('tables', 'xlsx');
    if (x.kind !== 'xlsx') throw new Error('xlsx expected');
    const px = await t.previewUpload(LOCAL_ACTOR, { kind: 'xlsx', name: x.name, base64: x.base64 });
    expect(px).toMatchObject({ ok: true, format: 'xlsx', added: 0, changed: 0, removed: 0 });
    const c = await t.download('tables', 'csv');
    if (c.kind !== 'csv') throw new Error('csv expected');
    expect(c.files.map((f) => f.name)).toContain('calendar_exceptions.csv');
    const pc = await t.previewUpload(LOCAL_ACTOR, { kind: 'csv', name: c.name, files: c.files.map((f) => ({ name: f.name, base64: b64(f.text) })) });
    expect(pc).toMatchObject({ ok: true, added: 0, changed: 0, removed: 0 });
  });

  it('offers a blank template: every table’s header and its one example row', async () => {
    const c = await t.download('template', 'csv');
    if (c.kind !== 'csv') throw new Error('csv expected');
    expect(c.files).toHaveLength(12);
    const resources = c.files.find((f) => f.name === 'resources.csv')!.text;
    expect(resources.replace('\uFEFF', '').trim().split('\r\n')).toEqual([
      'resource_id,name,calendar_id,cost_per_hour,overtime_hours_per_day,overtime_cost_per_hour',
      'LINE-1,Assembly line 1,WEEKDAYS,45,2,60',
    ]);
  });

  it('lets only operations and admin import', async () => {
    await expect(t.previewUpload({ name: 'sam', role: 'sales' }, csvUpload(workbookToCsv(plant())))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps uploaded names plain', () => {
    expect(plainFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(plainFileName('a\\b\\resources.csv', 'x')).toBe('resources.csv');
    expect(plainFileName('..', 'x')).toBe('x');
  });
});
