/**
 * The role gate holds where data changes (`promises.md`: roles are enforced where the data is
 * changed, never only in the interface): a salesperson calling the services directly, with no
 * screen in between, is refused every change that is not theirs, in one style (`NAME (ROLE) may
 * not …`, kind `forbidden`), and nothing is written. Allowed users are let through.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../main/access/authorize';
import { previewRevert, revertChange } from '../../../main/services/revert-service';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { importFromPath } from '../../../main/services/workbook-service';
import { WorkbookTransfer } from '../../../main/services/workbook-transfer-service';
import { exportWorkbook, workbookToCsv } from '../../../main/workbook/export-workbook';
import { rowToCells } from '../../../shared/edits/cells';
import type { ActorRef } from '../../../shared/rules/roles';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, plant, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
const sam: ActorRef = { name: 'sam', role: 'sales' };
const ann: ActorRef = { name: 'ann', role: 'sales' };
const olga: ActorRef = { name: 'olga', role: 'operations' };
const refusedAs = (what: RegExp) => ({ ok: false, kind: 'forbidden', message: expect.stringMatching(new RegExp(`^sam \\(sales\\) may not ${what.source}`)) });
let h: Harness;

beforeEach(async () => {
  h = await openHarness(dir);
});
afterEach(() => h.close());

async function annsPromise(): Promise<string> {
  const o = await h.promises.confirm(ann, { request: request(line('FG', 4, '2026-03-04')) }, AS_OF);
  if (!o.ok) throw new Error(`setup: ${o.message}`);
  return o.id;
}

describe('the promise service refuses, in one style, what the role may not do', () => {
  it("cancel and re-promise of another salesperson's promise; fulfil; approve and reject", async () => {
    const id = await annsPromise();
    const held = await h.promises.submit(ann, { request: request(line('FG', 2, '2026-03-06', '50')) }, AS_OF);
    if (!held.ok) throw new Error(`setup: ${held.message}`);
    const before = await h.store.dump();
    expect(await h.promises.cancel(sam, id)).toEqual(refusedAs(/cancel this promise/));
    expect(await h.promises.repromise(sam, id, [line('FG', 3, '2026-03-05')], { asOf: AS_OF })).toEqual(refusedAs(/cancel this promise/));
    expect(await h.promises.fulfil(sam, id)).toEqual(refusedAs(/mark promises fulfilled/));
    expect(await h.promises.approve(sam, held.id)).toEqual(refusedAs(/approve or reject promises/));
    expect(await h.promises.reject(sam, held.id, 'no')).toEqual(refusedAs(/approve or reject promises/));
    expect(await h.store.dump()).toBe(before);
  });

  it('lets the maker cancel their own, and operations fulfil', async () => {
    const own = await annsPromise();
    expect(await h.promises.cancel(ann, own)).toMatchObject({ ok: true, status: 'cancelled' });
    const other = await annsPromise();
    expect(await h.promises.fulfil(olga, other)).toMatchObject({ ok: true, status: 'fulfilled' });
  });
});

describe('the operations services refuse the same way (a ForbiddenError of the same gate)', () => {
  const forbidden = (what: RegExp) => expect.objectContaining({ kind: 'forbidden', message: expect.stringMatching(new RegExp(`^sam \\(sales\\) may not ${what.source}`)) });

  it('import from a path, an uploaded workbook, a table edit and an undo', async () => {
    const folder = join(dir, `wb-${Math.random().toString(36).slice(2)}`);
    await exportWorkbook(plant({ inventory: 'sku,on_hand\nFG,2' }), folder);
    const cal = (await h.checks.loadPlant())!.workbook.calendars[0]!;
    const edit = [{ table: 'calendars' as const, updates: [{ index: 0, cells: { ...rowToCells('calendars', cal), mon: '6' } }], inserts: [], deletes: [] }];
    const saved = await saveTableEdits(h, olga, (await h.store.dataVersion())!, edit, { asOf: AS_OF });
    if (!saved.ok) throw new Error('setup: the edit should save');
    const version = (await h.store.dataVersion())!;
    const before = await h.store.dump();
    const transfer = new WorkbookTransfer(h);
    const files = [...workbookToCsv(plant())].map(([name, text]) => ({ name, base64: Buffer.from(text).toString('base64') }));
    const refusals = [
      importFromPath(h.store, folder, { asOf: AS_OF, actor: sam }),
      transfer.previewUpload(sam, { kind: 'csv', name: 'plant', files }),
      transfer.apply(sam, 'any-token'),
      saveTableEdits(h, sam, version, edit, { asOf: AS_OF }),
      previewRevert(h, sam, saved.change.id),
      revertChange(h, sam, saved.change.id, version),
    ];
    for (const r of refusals) {
      await expect(r).rejects.toBeInstanceOf(ForbiddenError);
      await expect(r).rejects.toEqual(forbidden(/change the operations tables/));
    }
    expect(await h.store.dump()).toBe(before);
    // Operations may: the same import goes through.
    expect(await importFromPath(h.store, folder, { asOf: AS_OF, actor: olga })).toMatchObject({ ok: true });
  });
});
