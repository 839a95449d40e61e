/**
 * End to end, a planner's second thoughts (issue #15), in Debian's Chromium on `npm run web` over
 * a temporary database holding the shared small plant and two confirmed promises (8 FG by
 * Wednesday, 8 by Friday, as of Monday 2026-03-02):
 *  1. Cutting the machine's hours in the grid shows, before anything is saved, that the later
 *     promise would become at risk; "Go back" saves nothing and keeps the edits.
 *  2. Saved anyway, the change is undone from History: its preview says the promise would no
 *     longer be at risk, and after the undo the hours and the at-risk list are as before.
 *  3. A workbook folder as German Excel saves it (semicolons, decimal commas, BOM, CRLF) imports.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookToCsv } from '../../../main/workbook/export-workbook';
import { germanize } from '../../support/german-csv';
import { plant } from '../../support/plant';
import { missing } from '../../support/requires';
import { hasChromium, screenshot } from '../preview-server';
import { editWeekdayHours, fact, navTo, openOpsBrowser, showCell, type OpsBrowser } from './ops-browser';

let ops: OpsBrowser;
let page: Page;
let ids: string[] = [];
const nav = (name: string) => navTo(page, name);
const calendarHours = async (day: string) => fact(await showCell(page, 'Machine, 8 h (M8)', day), 'Calendar hours');

describe.skipIf(missing('Chromium', hasChromium))('a planner changes their mind, in the browser', () => {
  beforeAll(async () => {
    ops = await openOpsBrowser('undo');
    ({ page, ids } = ops);
  }, 180_000);

  afterAll(() => ops?.close());

  it('shows the damage before saving; Go back saves nothing and keeps the edits', async () => {
    const grid = await editWeekdayHours(page, '6');
    await page.getByRole('button', { name: 'Save 1 change' }).click();
    const impact = page.getByRole('region', { name: /Before you go on/ });
    await impact.waitFor();
    expect(await impact.textContent()).toContain(ids[1]);
    expect(await impact.textContent()).not.toContain(ids[0]);
    await page.getByRole('button', { name: 'Go back' }).click();

    // Nothing saved: the edits are still in the grid, waiting, and nothing is at risk.
    await page.getByRole('button', { name: 'Save 1 change' }).waitFor();
    expect(await grid.getByRole('gridcell', { name: /^thu, row 1: / }).textContent()).toBe('6');
    expect(await nav('At risk').textContent()).toBe('At risk');
    await screenshot(page, 'ops-2c-went-back');
  }, 120_000);

  it('saves anyway, then undoes the save from History with its impact shown first', async () => {
    await page.getByRole('button', { name: 'Save 1 change' }).click();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText(/^Saved as data version/).waitFor();
    await expect.poll(() => nav('At risk').textContent()).toBe('At risk 1 promise');
    expect(await calendarHours('Mar 5, 2026')).toBe('6');

    await nav('History').click();
    await page.locator('summary', { hasText: 'Imports and saves' }).click();
    const undo = page.getByRole('button', { name: /^Undo change #\d+$/ }).first();
    await undo.click();
    await page.getByRole('button', { name: 'See what undoing it does' }).click();
    const panel = page.getByRole('region', { name: /Before you go on/ });
    await panel.waitFor();
    const stop = panel.getByRole('list').filter({ hasText: ids[1]! });
    expect(await stop.count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toContain('would no longer be at risk');
    await screenshot(page, 'ops-9-undo-preview');
    await page.getByRole('button', { name: 'Undo this change' }).click();
    const done = page.getByText(/^Undone as change #\d+ \(data version/);
    await done.waitFor();
    expect(await done.textContent()).toMatch(/2 open promises were checked again, none is at risk\.$/);
    await screenshot(page, 'ops-10-undone');
    await expect.poll(() => nav('At risk').textContent()).toBe('At risk');
    expect(await calendarHours('Mar 5, 2026')).toBe('8');
  }, 120_000);

  it('imports a workbook folder as German Excel saves it', async () => {
    const folder = join(ops.preview.dir, 'german-plant');
    mkdirSync(folder);
    const files = workbookToCsv(plant());
    // One change the German file must carry exactly: the machine's hour costs 30.5 (written "30,5").
    files.set('resources.csv', files.get('resources.csv')!.replace(/^M8,(.*?),WD8,30,/m, 'M8,$1,WD8,30.5,'));
    for (const [name, text] of files) writeFileSync(join(folder, name), text);
    germanize(folder);
    expect(readFileSync(join(folder, 'resources.csv'), 'utf8')).toMatch(/^\uFEFF.*;.*\r\nM8;.*;WD8;30,5;/s);

    await nav('Import & export').click();
    await page.getByLabel('A folder of CSV files').setInputFiles(folder);
    const summary = page.getByText(/^Compared with the current tables/);
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/0 rows added, 1 changed, 0 removed\.$/);
    await screenshot(page, 'ops-11-german-preview');
    await page.getByRole('button', { name: 'Import these tables' }).click();
    await page.getByText(/^Imported as data version/).waitFor();

    // The grid shows the cost as read: 30.5, not 305 and not 30.
    await nav('Tables').click();
    await page.getByLabel('Table', { exact: true }).selectOption('resources');
    const grid = page.getByRole('grid', { name: 'resources table' });
    await expect.poll(() => grid.getByRole('gridcell', { name: /^cost_per_hour, row 1: / }).textContent()).toBe('30.5');
    expect(ops.errors).toEqual([]);
  }, 120_000);
});
