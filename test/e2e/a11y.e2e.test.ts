/**
 * End to end, accessibility: axe-core on every screen in Chromium, in the light and the dark
 * theme, with no violation; every screen names the window and reflows at 200 % zoom (a 640 px
 * wide window) without scrolling sideways. The database: the demo plant as of a fixed day, an
 * admin (so sign-in, Users and Approvals show), one confirmed promise and one awaiting approval.
 * Screenshots go to test/e2e/screenshots/ (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRequests } from '../../main/demo/demo-requests';
import { openDesk } from '../../main/desk/open-desk';
import { hasChromium, launch, screenshot, startPreview, type Preview } from './preview-server';

const AS_OF = '2026-03-04';
const ADA = { name: 'Ada Admin', pass: 'ada admin passphrase' };
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

let preview: Preview;
let browser: Browser;
let dir: string;
let promiseId = '';

/** The screens a person reaches from the navigation, and how each says it has loaded. */
const SCREENS = ['Check', 'Promises', 'Approvals', 'Tables', 'Import & export', 'Capacity', 'History', 'At risk', 'Users', 'Verify', 'Help'];

async function prepare(db: string): Promise<void> {
  const desk = await openDesk(db, { seedDemo: true, now: () => new Date(`${AS_OF}T10:00:00`) });
  try {
    await desk.people.addUser(null, ADA.name, 'admin', ADA.pass);
    const ada = await desk.people.signIn(ADA.name, ADA.pass);
    const demo = demoRequests(AS_OF);
    const ok = await desk.promises.confirm(ada, { request: demo.find((d) => d.expect === 'ok')!.request }, AS_OF);
    if (!ok.ok) throw new Error(`setup: ${JSON.stringify(ok)}`);
    promiseId = ok.id;
    await desk.promises.submit(ada, { request: demo.find((d) => d.expect === 'needs_approval')!.request }, AS_OF);
  } finally {
    await desk.close();
  }
}

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe-core's violations on the page as it is now, in words a failing test can show. */
async function axe(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as Violation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(' ')}: ${n.failureSummary}`));
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name.replace('&', '\\&')}`) });

/** Waits for a screen's heading and for its first data (nothing busy, no progress shown). */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector('main .progress'), undefined, { timeout: 20_000 });
  // ECharts draws after a frame; the heatmap's table is filled from the same data.
  await page.waitForTimeout(150);
}

/** The sign-in screen: the preview's session is the server's, so a page opened later may find Ada signed in. */
async function openSignedOut(page: Page): Promise<void> {
  await page.goto(preview.url);
  const heading = page.getByRole('heading', { name: 'Sign in to Promise Desk' });
  const out = page.getByRole('group', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' });
  await heading.or(out).first().waitFor();
  if (await out.isVisible()) await out.click();
  await heading.waitFor();
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Name').fill(ADA.name);
  await page.getByLabel('Passphrase').fill(ADA.pass);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
}

describe.skipIf(!hasChromium && !process.env.CI)('accessibility of every screen in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'promise-desk-a11y-'));
    const db = join(dir, 'a11y.db');
    await prepare(db);
    preview = await startPreview({ asOf: AS_OF, db });
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violation on any screen in the ${scheme} theme, and names the window after the screen`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const found: string[] = [];
      await openSignedOut(page);
      expect(await page.title()).toBe('Sign in · Promise Desk');
      // axe sees what it should: an image without a text alternative is a violation.
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { id: 'axe-probe', src: 'favicon.svg' })));
      expect((await axe(page, 'probe')).join('\n')).toContain('probe: image-alt (critical)');
      await page.evaluate(() => document.getElementById('axe-probe')?.remove());
      found.push(...(await axe(page, 'sign-in')));
      await screenshot(page, `a11y-${scheme}-sign-in`);
      await signIn(page);
      for (const name of SCREENS) {
        await nav(page, name).click();
        await settled(page);
        expect(await page.title()).toBe(`${name} · Promise Desk`);
        found.push(...(await axe(page, name)));
        await screenshot(page, `a11y-${scheme}-${name.toLowerCase().replace(/\W+/g, '-')}`);
      }
      // One promise's page, reached by its link.
      await nav(page, 'Promises').click();
      await page.getByRole('link', { name: promiseId }).click();
      await settled(page);
      expect(await page.title()).toBe(`Promise ${promiseId} · Promise Desk`);
      found.push(...(await axe(page, 'promise')));
      await screenshot(page, `a11y-${scheme}-promise`);
      // The grid with a range selected and an edit made, and the question before leaving it.
      await nav(page, 'Tables').click();
      await settled(page);
      const grid = page.getByRole('grid', { name: 'resources table' });
      await grid.getByRole('gridcell', { name: /^cost_per_hour, row 1: / }).click();
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Control+d');
      found.push(...(await axe(page, 'tables with a range and an edit')));
      await screenshot(page, `a11y-${scheme}-tables-range`);
      await nav(page, 'Check').click();
      const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
      await dialog.waitFor();
      found.push(...(await axe(page, 'leave dialog')));
      await screenshot(page, `a11y-${scheme}-leave-dialog`);
      await dialog.getByRole('button', { name: 'Stay' }).click();
      await page.getByRole('button', { name: 'Discard all edits' }).click();
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 240_000);
  }

  it('reflows every screen at 200 % zoom (640 px wide) without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 800 } });
    await openSignedOut(page);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide: string[] = [];
    if ((await sideways()) > 0) wide.push(`sign-in by ${await sideways()} px`);
    await signIn(page);
    for (const name of SCREENS) {
      await nav(page, name).click();
      await settled(page);
      const over = await sideways();
      if (over > 0) wide.push(`${name} by ${over} px`);
      await screenshot(page, `a11y-640-${name.toLowerCase().replace(/\W+/g, '-')}`);
    }
    expect(wide).toEqual([]);
    await page.close();
  }, 180_000);
});
