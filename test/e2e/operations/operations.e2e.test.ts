/**
 * End to end, the operations workspace: `npm run web` on a temporary database holding the shared
 * small plant and two confirmed promises (8 FG by Wednesday, then 8 by Friday, as of Monday
 * 2026-03-02), driven in Debian's Chromium.
 *  1. A resource's hours are cut in the grid: the heatmap's figures and the at-risk list change.
 *  2. A workbook with three bad rows is refused with all three listed, and nothing changes.
 *  3. The tables exported as .xlsx import again unchanged.
 * Screenshots go to test/e2e/screenshots/ (git-ignored).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookToCsv } from '../../../main/workbook/export-workbook';
import { plant } from '../../support/plant';
import { editWeekdayHours, fact, navTo, openOpsBrowser, showCell, type OpsBrowser } from './ops-browser';
import { hasChromium, screenshot } from '../preview-server';
import { missing } from '../../support/requires';

let ops: OpsBrowser;
let page: Page;
let ids: string[] = [];
let exported = '';
const nav = (name: string) => navTo(page, name);

describe.skipIf(missing('Chromium', hasChromium))('operations workspace in the browser', () => {
  beforeAll(async () => {
    ops = await openOpsBrowser('ops', { acceptDownloads: true });
    ({ page, ids } = ops);
  }, 180_000);

  afterAll(() => ops?.close());

  it('a cut in a resource’s hours changes the heatmap and puts the later promise at risk', async () => {
    await nav('At risk').click();
    await expect.poll(() => page.getByText('No promise is at risk').count()).toBe(1);

    let cell = await showCell(page, 'Machine, 8 h (M8)', 'Mar 5, 2026');
    await expect.poll(() => fact(cell, 'Calendar hours')).toBe('8');
    expect(await fact(cell, 'Held by promises')).toBe('8');
    await expect.poll(() => cell.getByRole('row').count()).toBe(2); // header + the one promise holding Thursday
    await screenshot(page, 'ops-1-capacity-before');

    const grid = await editWeekdayHours(page, '6');
    await expect.poll(() => grid.getByRole('gridcell', { name: /^fri, row 1: / }).textContent()).toBe('6');
    await screenshot(page, 'ops-2-grid-edited');
    await page.getByRole('button', { name: 'Save 1 change' }).click();
    // The damage shows before the save: the later promise would become at risk; save anyway.
    const become = page.getByRole('region', { name: /Before you go on/ });
    await become.waitFor();
    expect(await become.textContent()).toContain(ids[1]);
    await screenshot(page, 'ops-2b-impact-before-save');
    await page.getByRole('button', { name: 'Save anyway' }).click();
    const saved = page.getByText(/^Saved as data version/);
    await saved.waitFor();
    expect(await saved.textContent()).toContain(`2 open promises were checked again; 1 is now at risk (${ids[1]}).`);
    await expect.poll(() => nav('At risk').textContent()).toBe('At risk 1 promise');

    cell = await showCell(page, 'Machine, 8 h (M8)', 'Mar 5, 2026');
    await expect.poll(() => fact(cell, 'Calendar hours')).toBe('6');
    await screenshot(page, 'ops-3-capacity-after');

    await nav('At risk').click();
    const entry = page.getByRole('article', { name: new RegExp(`^${ids[1]}`) });
    await entry.waitFor();
    expect(await entry.getByRole('list').first().textContent()).toMatch(/^FG: /);
    expect(await page.getByRole('article').count()).toBe(1);
    await screenshot(page, 'ops-4-at-risk');
  }, 120_000);

  it('refuses a workbook with three bad rows, listing all three, and changes nothing', async () => {
    await nav('History').click();
    await page.getByRole('table', { name: 'Changes, newest first' }).waitFor();
    const historyRows = await page.getByRole('row').count();

    const folder = join(ops.preview.dir, 'bad-plant');
    mkdirSync(folder);
    const files = workbookToCsv(plant());
    files.set('resources.csv', 'resource_id,name,calendar_id,cost_per_hour\nM8,a,WD8,30\nM75,b,WD75,-1\nOFF,c,ZERO,10\n');
    files.set('calendars.csv', files.get('calendars.csv')!.replace('ALL,1,1,1,1,1,1,1', 'ALL,1,1,1,1,1,1,25'));
    files.set('routings.csv', 'sku,resource_id,hours_per_unit\nFG,M9,2\n');
    for (const [name, text] of files) writeFileSync(join(folder, name), text);

    await nav('Import & export').click();
    await page.getByLabel('A folder of CSV files').setInputFiles(folder);
    const problems = page.getByRole('table', { name: /3 problems in the workbook: nothing was imported/ });
    await problems.waitFor();
    const rows = (await problems.getByRole('row').allTextContents()).slice(1);
    expect(rows).toEqual(['calendars.csv5sunmust be at most 24, got 25', 'resources.csv3cost_per_hourmust be a non-negative number, got "-1"', 'routings.csv2resource_idresource M9 does not exist']);
    await screenshot(page, 'ops-5-import-problems');

    await nav('History').click();
    await page.getByRole('table', { name: 'Changes, newest first' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(historyRows);
  }, 120_000);

  it('exports the tables as .xlsx and imports them again, unchanged', async () => {
    await nav('Import & export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the tables as .xlsx' }).click()]);
    const file = join(ops.preview.dir, download.suggestedFilename());
    expect(file).toMatch(/promise-desk-v\d+-[0-9a-f]{8}\.xlsx$/);
    await download.saveAs(file);
    exported = file;

    await page.getByLabel('An .xlsx file').setInputFiles(file);
    const summary = page.getByText(/^Compared with the current tables/);
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/0 rows added, 0 changed, 0 removed\.$/);
    await screenshot(page, 'ops-6-xlsx-preview');
    await page.getByRole('button', { name: 'Import these tables' }).click();
    const done = page.getByText(/^Imported as data version/);
    await done.waitFor();
    expect(await done.textContent()).toContain(`1 is now at risk (${ids[1]})`);

    await nav('History').click();
    // An unchanged import is in the history as an import that added, changed and removed nothing.
    await page.locator('summary', { hasText: 'Imports and saves' }).click();
    const row = page.getByRole('row', { name: /import of promise-desk-v\d+-[0-9a-f]{8}\.xlsx/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(2, 5)).toEqual(['0', '0', '0']);
    await screenshot(page, 'ops-7-history');
    expect(ops.errors).toEqual([]);
  }, 120_000);

  it('previews a workbook dropped anywhere on the window', async () => {
    await nav('History').click();
    const b64 = readFileSync(exported).toString('base64');
    await page.evaluate(
      ({ b64, name }) => {
        const bin = atob(b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { b64, name: 'dropped.xlsx' },
    );
    await page.getByRole('heading', { name: /^dropped\.xlsx \(\.xlsx, \d+ rows\)$/ }).waitFor();
    expect(await nav('Import & export').getAttribute('aria-current')).toBe('page');
    expect(await page.getByText(/^Compared with the current tables/).textContent()).toMatch(/0 rows added, 0 changed, 0 removed\.$/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(ops.errors).toEqual([]);
  }, 60_000);

  it('re-promises the at-risk promise with a smaller quantity, checked and confirmed', async () => {
    await nav('At risk').click();
    const entry = page.getByRole('article', { name: new RegExp(`^${ids[1]}`) });
    await entry.getByRole('button', { name: 'Re-promise…' }).click();
    const form = entry.getByRole('form', { name: `Re-promise ${ids[1]}` });
    await form.getByLabel('Quantity').fill('7');
    await form.getByRole('button', { name: 'Check these dates and quantities' }).click();
    await form.getByText('OK', { exact: false }).first().waitFor();
    await screenshot(page, 'ops-8-repromise-checked');
    await form.getByRole('button', { name: 'Confirm the re-promise' }).click();
    const done = page.getByText(/^Re-promised: P-\d+ is confirmed and replaces/);
    await done.waitFor();
    expect(await done.textContent()).toContain(`replaces ${ids[1]}, which is cancelled.`);
    await page.getByText('No promise is at risk').waitFor();
    await expect.poll(() => nav('At risk').textContent()).toBe('At risk');
    expect(ops.errors).toEqual([]);
  }, 60_000);
});
