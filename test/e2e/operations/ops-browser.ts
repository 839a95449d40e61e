/**
 * What the operations end-to-end suites share: their database (the shared small plant imported as
 * a planner would, with history, and two confirmed promises of 8 FG, by Wednesday and by Friday,
 * as of Monday 2026-03-02), a preview and Chromium page on it, and the steps both take.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { SqliteOperationsStore } from '../../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { CheckService } from '../../../main/services/check-service';
import { revalidator } from '../../../main/services/revalidator';
import { workbookSha256 } from '../../../main/services/workbook-service';
import { confirmAs } from '../../support/confirm';
import { AS_OF, line, plant, request } from '../../support/plant';
import { launch, startPreview, type Preview } from '../preview-server';

/** Returns the two promises' ids, Wednesday's first. */
export async function prepareOpsDatabase(file: string): Promise<string[]> {
  const store = SqliteStore.open(file);
  try {
    const wb = plant();
    await new SqliteOperationsStore(store.db).importWithHistory(wb, { source: 'small plant', sha256: workbookSha256(wb), user: 'local' }, revalidator(AS_OF));
    const checks = new CheckService(store, { now: () => new Date(`${AS_OF}T12:00:00`) });
    const ids: string[] = [];
    for (const d of ['2026-03-04', '2026-03-06']) {
      const c = await confirmAs(checks, request(line('FG', 8, d)), AS_OF);
      if (!c.ok) throw new Error(`setup: ${JSON.stringify(c)}`);
      ids.push(c.id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

export interface OpsBrowser {
  preview: Preview;
  browser: Browser;
  page: Page;
  /** The promises' ids, Wednesday's first. */
  ids: string[];
  /** Errors the page threw or logged. */
  errors: string[];
  close(): Promise<void>;
}

/** A preview on a new operations database, and a Chromium page open on it. */
export async function openOpsBrowser(name: string, pageOptions: { acceptDownloads?: boolean } = {}): Promise<OpsBrowser> {
  const db = join(mkdtempSync(join(tmpdir(), `promise-desk-${name}-`)), 'ops.db');
  const ids = await prepareOpsDatabase(db);
  const preview = await startPreview({ asOf: AS_OF, db });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, ...pageOptions });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(preview.url);
  return {
    preview,
    browser,
    page,
    ids,
    errors,
    close: async () => {
      await browser.close();
      await preview.stop();
    },
  };
}

/** A screen's button in the navigation, by the start of its label (a badge may follow). */
export const navTo = (page: Page, name: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name}`) });

/** The Capacity screen's cell of one resource and day. */
export async function showCell(page: Page, resource: string, day: string): Promise<Locator> {
  await navTo(page, 'Capacity').click();
  await page.getByLabel('Resource', { exact: true }).selectOption({ label: resource });
  await page.getByLabel('Day', { exact: true }).selectOption({ label: day });
  return page.getByRole('region', { name: new RegExp(`^${resource.replace(/[()]/g, '.')}`) });
}

/** One fact of a capacity cell ("Calendar hours", "Held by promises"). */
export async function fact(region: Locator, term: string): Promise<string> {
  return (await region.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}

/** Types `hours` into Monday to Friday of the calendars table's first row (WD8), unsaved. */
export async function editWeekdayHours(page: Page, hours: string): Promise<Locator> {
  await navTo(page, 'Tables').click();
  await page.getByLabel('Table', { exact: true }).selectOption('calendars');
  const grid = page.getByRole('grid', { name: 'calendars table' });
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) {
    await grid.getByRole('gridcell', { name: new RegExp(`^${day}, row 1: `) }).dblclick();
    const input = grid.getByRole('textbox', { name: `Edit ${day}, row 1` });
    await input.fill(hours);
    await input.press('Enter');
  }
  return grid;
}
