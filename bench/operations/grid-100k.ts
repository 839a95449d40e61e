/**
 * The Tables grid with a 100,000-row table, measured in headless Chromium against `npm run web`:
 * opening the table, scrolling it (frame intervals while the wheel turns), sorting it, checking an
 * edit (the whole workbook's rules), and saving it (three edits and saves: medians). Shared by the
 * bench and by hand runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteOperationsStore } from '../../main/db/sqlite-operations-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import { revalidator } from '../../main/services/revalidator';
import { workbookSha256 } from '../../main/services/workbook-service';
import { addDays } from '../../shared/units/days';
import type { Workbook } from '../../shared/schemas/workbook';
import { launch, startPreview } from '../../test/e2e/preview-server';
import { AS_OF, plant } from '../../test/support/plant';
import { median, percentile } from '../stats';

export interface GridFigures {
  rows: number;
  openMs: number;
  scrollFrames: number;
  scrollP95FrameMs: number;
  scrollMaxFrameMs: number;
  /** Share of frames longer than 50 ms while scrolling. */
  scrollJankShare: number;
  sortMs: number;
  /** Medians over three edits (`saves`: each save's time). */
  editCheckMs: number;
  saveMs: number;
  saves: number[];
}

export function bigLoadWorkbook(rows: number): Workbook {
  const wb = plant();
  const resources = ['M8', 'M75', 'OFF'];
  wb.resource_load = Array.from({ length: rows }, (_, i) => ({ resource_id: resources[i % 3]!, date: addDays(AS_OF, i % 59), hours: String((i % 7) * 0.25) }));
  return wb;
}

export async function measureGrid(opts: { rows: number; log?: (m: string) => void }): Promise<GridFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-bench-'));
  const db = join(dir, 'grid.db');
  const store = SqliteStore.open(db);
  const wb = bigLoadWorkbook(opts.rows);
  await new SqliteOperationsStore(store.db).importWithHistory(wb, { source: 'bench', sha256: workbookSha256(wb), user: 'bench' }, revalidator(AS_OF));
  await store.close();
  const preview = await startPreview({ asOf: AS_OF, db });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(preview.url);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /^Tables/ }).click();
    await page.getByRole('grid', { name: 'resources table' }).waitFor();

    const count = `${opts.rows.toLocaleString('en-US')} rows`;
    let t0 = Date.now();
    await page.getByLabel('Table', { exact: true }).selectOption('resource_load');
    const grid = page.getByRole('grid', { name: 'resource_load table' });
    await grid.getByRole('gridcell', { name: /^hours, row 1: / }).waitFor();
    await page.getByText(count, { exact: true }).waitFor();
    const openMs = Date.now() - t0;
    opts.log?.(`  opened ${opts.rows} rows in ${openMs} ms`);

    // Scroll with the wheel for ~3 s while the page records every frame's interval.
    await grid.hover();
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    await page.evaluate(`(() => {
      window.frames_ = [];
      window.rec = true;
      let last = performance.now();
      const tick = (t) => { window.frames_.push(t - last); last = t; if (window.rec) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    for (let i = 0; i < 180; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(16);
    }
    const frames = (await page.evaluate<number[]>('(() => { window.rec = false; return window.frames_.slice(2); })()'));
    const top = await grid.evaluate((el) => el.scrollTop);
    opts.log?.(`  scrolled to ${Math.round(top)} px in ${frames.length} frames`);

    t0 = Date.now();
    await grid.getByRole('columnheader', { name: /^hours/ }).click();
    await page.waitForFunction(() => document.querySelector('[role="columnheader"][aria-sort="ascending"]') !== null);
    await grid.evaluate((el) => el.scrollTo(0, 0));
    await grid.getByRole('gridcell', { name: /^hours, row / }).first().waitFor();
    const sortMs = Date.now() - t0;

    await grid.getByRole('columnheader', { name: /^hours/ }).click(); // descending
    await grid.getByRole('columnheader', { name: /^hours/ }).click(); // unsorted again
    await grid.evaluate((el) => el.scrollTo(0, 0));
    // Three edits, each checked and saved: one save is one sample, and a shared machine's burst
    // decided it alone (the figures are the medians; the bench's note lists every save).
    const editCheck: number[] = [];
    const saves: number[] = [];
    let saved: string | null = null;
    for (const value of ['3.5', '3.75', '4']) {
      await grid.evaluate((el) => el.scrollTo(0, 0));
      await grid.getByRole('gridcell', { name: /^hours, row 1: / }).dblclick();
      const input = grid.getByRole('textbox', { name: 'Edit hours, row 1' });
      await input.fill(value);
      t0 = Date.now();
      await input.press('Enter');
      await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Save 1 change' && !b.disabled));
      editCheck.push(Date.now() - t0);

      t0 = Date.now();
      await page.getByRole('button', { name: 'Save 1 change' }).click();
      const message = page.getByText(/^Saved as data version/);
      await (saved === null ? message : message.filter({ hasNotText: saved })).waitFor({ timeout: 120_000 });
      await grid.getByRole('gridcell', { name: /^hours, row 1: / }).waitFor();
      saves.push(Date.now() - t0);
      saved = await message.textContent();
    }

    return {
      rows: opts.rows,
      openMs,
      scrollFrames: frames.length,
      scrollP95FrameMs: percentile(frames, 95),
      scrollMaxFrameMs: Math.max(...frames),
      scrollJankShare: frames.filter((f) => f > 50).length / frames.length,
      sortMs,
      editCheckMs: median(editCheck),
      saveMs: median(saves),
      saves,
    };
  } finally {
    await browser.close();
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
