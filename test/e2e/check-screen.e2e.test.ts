/**
 * End to end: `npm run web` on a fresh database (the demo plant), driven in Debian's Chromium.
 * Three of the demo's requests (ok, needs overtime, not feasible) are typed into the Check screen;
 * what it shows must equal what the check service answers for the same request on the same
 * database. Then an alternative is applied and checked the same way. Screenshots go to
 * test/e2e/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview as startSharedPreview, type Preview } from './preview-server';
import type { CheckRequestInput, CheckResult, LineResult } from '../../shared/schemas/check';
import { demoRequests } from '../../main/demo/demo-requests';
import type { CheckService } from '../../main/services/check-service';
import { openDesk } from '../../main/desk/open-desk';
import { missing } from '../support/requires';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = new URL('../..', import.meta.url).pathname;
const SHOTS = join(ROOT, 'test/e2e/screenshots');
/** A fixed, ordinary working week, so the demo's requests mean what they say. */
const AS_OF = '2026-03-04';

let preview: Preview | undefined;
let url: string;
let browser: Browser;
let service: CheckService;
let dir: string;
const problems: string[] = [];

/** The shared preview starter, on this suite's database. */
async function startPreview(db: string): Promise<string> {
  preview = await startSharedPreview({ db, asOf: AS_OF });
  return preview.url;
}

/** The plan whose figures the line's headline shows: the chosen one, else the first. */
const headline = (l: LineResult) => l.plans.find((p) => p.kind === l.chosen_plan) ?? l.plans[0]!;

async function engineCheck(request: CheckRequestInput): Promise<CheckResult> {
  const c = await service.check(request, AS_OF);
  if (!c.ok) throw new Error(`the engine refused the request: ${JSON.stringify(c)}`);
  return c.result;
}

async function typeRequest(page: Page, request: CheckRequestInput): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Customer').fill(request.customer ?? '');
  await page.getByLabel('Region').selectOption(request.region);
  await page.getByLabel('Delivery mode').selectOption(request.mode ?? 'standard');
  for (const [i, line] of request.lines.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add line' }).click();
    const group = page.getByRole('group', { name: `Line ${i + 1}` });
    await group.getByRole('combobox', { name: 'Product' }).fill(line.sku);
    await group.getByRole('combobox', { name: 'Product' }).press('Tab');
    await group.getByLabel('Quantity').fill(String(line.qty));
    await group.getByLabel('Delivery date').fill(line.requested_date);
    await group.getByLabel('Unit price').fill(String(line.unit_price));
  }
}

/** Waits for a current (not stale) answer and reads what it shows. */
async function shownAnswer(page: Page) {
  const result = page.locator('.result[data-stale="false"]');
  await result.waitFor({ timeout: 15_000 });
  return result.evaluate((el) => ({
    status: el.querySelector('.request-status [data-status]')?.getAttribute('data-status'),
    dataVersion: el.querySelector('[data-field="data-version"]')?.textContent,
    asOf: el.querySelector('.meta time')?.getAttribute('datetime'),
    lines: [...el.querySelectorAll('article.line-answer')].map((a) => ({
      status: a.querySelector('header [data-status]')?.getAttribute('data-status'),
      available: a.querySelector('[data-field="available"] data')?.getAttribute('value') ?? null,
      earliest: a.querySelector('[data-field="earliest"] time')?.getAttribute('datetime') ?? null,
      plans: [...a.querySelectorAll('table.plans tbody tr')].map((tr) => ({
        kind: tr.getAttribute('data-plan'),
        chosen: tr.getAttribute('aria-current') === 'true',
        available: tr.querySelector('td:nth-of-type(1) data')?.getAttribute('value') ?? null,
        earliest: tr.querySelector('td:nth-of-type(2) time')?.getAttribute('datetime') ?? null,
      })),
    })),
  }));
}

function expected(result: CheckResult) {
  return {
    status: result.status,
    dataVersion: result.data_version,
    asOf: result.as_of,
    lines: result.lines.map((l) => ({
      status: l.status,
      available: headline(l).available_by_requested_date === null ? null : String(headline(l).available_by_requested_date),
      earliest: headline(l).earliest_delivery_date,
      plans: l.plans.map((p) => ({
        kind: p.kind,
        chosen: p.kind === l.chosen_plan,
        available: p.available_by_requested_date === null ? null : String(p.available_by_requested_date),
        earliest: p.earliest_delivery_date,
      })),
    })),
  };
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}

describe.skipIf(missing('Chromium', existsSync(CHROMIUM)))('the Check screen in the browser preview', () => {
  const demo = demoRequests(AS_OF);
  const cases = [
    demo.find((d) => d.expect === 'ok')!,
    demo.find((d) => d.expect === 'needs_approval' && d.request.region === 'PL')!,
    demo.find((d) => d.expect === 'not_feasible')!,
  ];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'pd-e2e-'));
    const db = join(dir, 'demo.db');
    url = await startPreview(db);
    service = (await openDesk(db, { seedDemo: false, now: () => new Date(`${AS_OF}T12:00:00`), expireHolds: false })).checks;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.store.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases.map((c) => [c.expect, c] as const))('shows what the engine answers: %s', async (_status, demoCase) => {
    const engine = await engineCheck(demoCase.request);
    expect(engine.status).toBe(demoCase.expect); // the scenario is what it says
    const page = await newPage();
    await typeRequest(page, demoCase.request);
    expect(await shownAnswer(page)).toEqual(expected(engine));
    await page.screenshot({ path: join(SHOTS, `check-${demoCase.expect}.png`), fullPage: true });
    await page.close();
  });

  it('applies an alternative to a line that cannot be met, and shows the new answer', async () => {
    const demoCase = cases[2]!;
    const engine = await engineCheck(demoCase.request);
    const alt = engine.lines[0]!.alternatives.find((a) => a.kind === 'later_date')!;
    expect(alt).toBeDefined();
    const page = await newPage();
    await typeRequest(page, demoCase.request);
    await shownAnswer(page);
    await page.getByRole('group', { name: 'Alternatives, line 1' }).getByRole('button', { name: /^Deliver all/ }).click();
    const group = page.getByRole('group', { name: 'Line 1' });
    await expect.poll(() => group.getByLabel('Delivery date').inputValue()).toBe(alt.deliveries[0]!.date);

    const moved: CheckRequestInput = { ...demoCase.request, lines: [{ ...demoCase.request.lines[0]!, requested_date: alt.deliveries[0]!.date }] };
    const after = await engineCheck(moved);
    expect(after.status).not.toBe('not_feasible');
    await expect.poll(async () => (await shownAnswer(page)).status, { timeout: 15_000 }).toBe(after.status);
    expect(await shownAnswer(page)).toEqual(expected(after));
    await page.screenshot({ path: join(SHOTS, 'check-alternative-applied.png'), fullPage: true });
    await page.close();
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
