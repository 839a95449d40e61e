/**
 * End to end (issue 14): the salesperson's quote in `npm run web` on the demo plant, in Chromium.
 * A quote survives a visit to Capacity and a reload; an unfinished second line keeps line 1's
 * answer; every alternative offered on a not-feasible line, applied, gives what it announced (the
 * check service says so for the same request); German numbers; a draft reopened and a promise
 * copied; print emulation shows the answer alone; a 3-line quote fits 1366×768 and nothing is
 * clipped at 1024 px. Screenshots of each step: test/e2e/screenshots/quote-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CheckRequestInput, CheckResult } from '../../shared/schemas/check';
import { demoRequests } from '../../main/demo/demo-requests';
import type { CheckService } from '../../main/services/check-service';
import { openDesk } from '../../main/desk/open-desk';
import { hasChromium, launch, screenshot, startPreview, type Preview } from './preview-server';

const AS_OF = '2026-03-04';
let preview: Preview;
let browser: Browser;
let service: CheckService;
const problems: string[] = [];

const demo = demoRequests(AS_OF);
const ok = demo.find((d) => d.expect === 'ok' && d.request.region === 'DE')!.request;
const bad = demo.find((d) => d.expect === 'not_feasible' && d.request.region === 'DE')!.request;
/** A three-line quote for one customer: OK, not feasible, and OK again a week later. */
const threeLines: CheckRequestInput = {
  customer: 'Stadtwerke Ulm',
  region: 'DE',
  lines: [ok.lines[0]!, bad.lines[0]!, { ...ok.lines[0]!, qty: 4, requested_date: bad.lines[0]!.requested_date }],
};

async function engine(request: CheckRequestInput): Promise<CheckResult> {
  const c = await service.check(request, AS_OF);
  if (!c.ok) throw new Error(`refused: ${JSON.stringify(c)}`);
  return c.result;
}

async function newContext(opts: { locale?: string; width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-GB', viewport: { width: opts.width ?? 1366, height: opts.height ?? 768 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(preview.url);
  return { context, page };
}

async function typeLine(page: Page, n: number, line: Partial<CheckRequestInput['lines'][number]>) {
  const g = page.getByRole('group', { name: `Line ${n}` });
  if (line.sku !== undefined) {
    await g.getByRole('combobox', { name: 'Product' }).fill(line.sku);
    await g.getByRole('combobox', { name: 'Product' }).press('Tab');
  }
  if (line.qty !== undefined) await g.getByLabel('Quantity').fill(String(line.qty));
  if (line.requested_date !== undefined) await g.getByLabel('Delivery date').fill(line.requested_date);
  if (line.unit_price !== undefined) await g.getByLabel('Unit price').fill(String(line.unit_price));
}

async function typeQuote(page: Page, request: CheckRequestInput) {
  await page.getByLabel('Customer').fill(request.customer ?? '');
  await page.getByLabel('Region').selectOption(request.region);
  for (const [i, line] of request.lines.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add line' }).click();
    await typeLine(page, i + 1, line);
  }
}

/** What the answer shows once current: per article, its status and promised date. */
async function shown(page: Page) {
  const result = page.locator('.result[data-stale="false"]');
  await result.waitFor({ timeout: 20_000 });
  return result.evaluate((el) => ({
    status: el.querySelector('.request-status [data-status]')?.getAttribute('data-status'),
    lines: [...el.querySelectorAll('article.line-answer')].map((a) => ({
      title: a.querySelector('h3')?.textContent,
      status: a.querySelector('header [data-status]')?.getAttribute('data-status') ?? 'unfinished',
      promised: a.querySelector('[data-field="promised"] time')?.getAttribute('datetime') ?? null,
      sentence: a.querySelector('.tell')?.textContent,
    })),
  }));
}

async function settledStatus(page: Page, status: string) {
  await expect.poll(async () => (await shown(page)).status, { timeout: 20_000 }).toBe(status);
}

describe.skipIf(!hasChromium && !process.env.CI)('the salesperson’s quote in the browser preview', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    preview = await startPreview({ asOf: AS_OF });
    service = (await openDesk(preview.db, { seedDemo: false, now: () => new Date(`${AS_OF}T12:00:00`), expireHolds: false })).checks;
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.store.close();
    await preview?.stop();
  });

  it('keeps the quote through a visit to Capacity and a reload', async () => {
    const { context, page } = await newContext();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 }).toBe('customer');
    await typeQuote(page, threeLines);
    const before = await shown(page);
    expect(before.status).toBe('not_feasible');
    await screenshot(page, 'quote-1-built');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Capacity' }).click();
    await page.getByRole('heading', { level: 1, name: /Capacity/ }).waitFor();
    await screenshot(page, 'quote-2-capacity');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check' }).click();
    expect(await page.getByLabel('Customer').inputValue()).toBe('Stadtwerke Ulm');
    expect(await shown(page)).toEqual(before);
    await page.goBack(); // the back button: Capacity, then forward again
    await page.goForward();
    await page.reload();
    expect(await page.getByLabel('Customer').inputValue()).toBe('Stadtwerke Ulm');
    expect(await page.getByRole('group', { name: 'Line 3' }).getByLabel('Quantity').inputValue()).toBe('4');
    expect(await shown(page)).toEqual(before);
    await screenshot(page, 'quote-3-after-reload');
    await context.close();
  });

  it('fits a laptop screen (1366×768) and clips nothing at 1024 px', async () => {
    for (const width of [1366, 1024]) {
      const { context, page } = await newContext({ width, height: 768 });
      await typeQuote(page, threeLines);
      await shown(page);
      // Open every fold: the plan tables must fit too.
      for (const d of await page.locator('details.plan-detail').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      const overflow = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`page ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`);
        for (const el of document.querySelectorAll('table.plans, .badge, .top nav, .answer, .request')) {
          const r = el.getBoundingClientRect();
          if (r.right > document.documentElement.clientWidth + 0.5) out.push(`${el.className || el.tagName} ends at ${r.right}`);
        }
        for (const t of document.querySelectorAll('table.plans')) {
          const box = t.parentElement!;
          if (box.scrollWidth > box.clientWidth + 1) out.push(`plan table scrolls ${box.scrollWidth} > ${box.clientWidth}`);
        }
        return out;
      });
      expect(overflow, `at ${width} px`).toEqual([]);
      await screenshot(page, `quote-4-width-${width}`);
      await context.close();
    }
  });

  it('keeps line 1’s answer while line 2 is unfinished', async () => {
    const { context, page } = await newContext();
    await typeQuote(page, { region: 'DE', lines: [ok.lines[0]!] });
    await settledStatus(page, 'ok');
    await page.getByRole('button', { name: 'Add line' }).click();
    await typeLine(page, 2, { sku: ok.lines[0]!.sku });
    const s = await shown(page);
    expect(s.status).toBe('ok');
    expect(s.lines[0]).toMatchObject({ status: 'ok' });
    expect(s.lines[1]).toMatchObject({ status: 'unfinished', sentence: 'Line 2 still needs a quantity; the other lines are answered without it.' });
    expect(await page.getByText('Finish or remove line 2 to confirm, submit or save.').isVisible()).toBe(true);
    await screenshot(page, 'quote-5-unfinished-line');
    await context.close();
  });

  it('applies every alternative offered on a not-feasible line and gets what it announced', async () => {
    const request: CheckRequestInput = { customer: 'Hochhaus Frankfurt GmbH', region: 'DE', lines: [ok.lines[0]!, bad.lines[0]!] };
    const before = await engine(request);
    const offered = before.lines[1]!.alternatives;
    expect(offered.length).toBeGreaterThan(0);
    for (const [k, alt] of offered.entries()) {
      const { context, page } = await newContext();
      await typeQuote(page, request);
      await settledStatus(page, before.status);
      await page.getByRole('group', { name: 'Alternatives, line 2' }).getByRole('button').nth(k).click();
      const parts = alt.kind === 'partial' ? alt.deliveries.map((d) => ({ ...bad.lines[0]!, qty: d.qty, requested_date: d.date })) : [{ ...bad.lines[0]!, requested_date: alt.deliveries[0]!.date }];
      const applied = await engine({ ...request, lines: [request.lines[0]!, ...parts] });
      await settledStatus(page, applied.status);
      const s = await shown(page);
      // The screen shows what the engine answers for the applied request…
      expect(s.lines.map((l) => [l.status, l.promised])).toEqual(applied.lines.map((l) => [l.status, l.plans.find((p) => p.kind === l.chosen_plan)?.delivery_date ?? null]));
      // …and that is what the alternative announced: its plan by its dates, with its status; line 1 unchanged.
      applied.lines.slice(1).forEach((l, j) => {
        expect(l.chosen_plan).toBe(alt.plan);
        expect(l.plans.find((p) => p.kind === l.chosen_plan)!.delivery_date! <= alt.deliveries[j]!.date).toBe(true);
      });
      expect(applied.lines.slice(1).some((l) => l.status !== 'ok') ? 'needs_approval' : 'ok').toBe(alt.status);
      expect(applied.lines[0]!.status).toBe(before.lines[0]!.status);
      await screenshot(page, `quote-6-alternative-${k + 1}-${alt.kind}`);
      await context.close();
    }
  });

  it('reads German numbers: 1.000 pieces at 1.395,50 €', async () => {
    const { context, page } = await newContext({ locale: 'de-DE' });
    await typeQuote(page, { customer: 'Stadtwerke Ulm', region: 'DE', lines: [{ ...ok.lines[0]!, qty: 3, unit_price: '850' }] });
    await page.getByRole('group', { name: 'Line 1' }).getByLabel('Unit price').fill('1.395,50');
    await page.getByRole('group', { name: 'Line 1' }).getByLabel('Quantity').fill('1.000');
    const s = await shown(page);
    expect(s.lines[0]!.sentence).toMatch(/^1\.000 CP-32 /);
    const expected = await engine({ customer: 'x', region: 'DE', lines: [{ ...ok.lines[0]!, qty: 1000, unit_price: '1395.50' }] });
    expect(s.status).toBe(expected.status);
    await screenshot(page, 'quote-7-german-answer');
    await page.getByRole('group', { name: 'Line 1' }).getByLabel('Quantity').fill('2,5');
    await expect.poll(() => page.getByRole('group', { name: 'Line 1' }).locator('.field-error').first().textContent(), { timeout: 20_000 }).toBe('Type a whole number of pcs, e.g. 20.');
    await expect.poll(() => page.locator('.answer .needs').textContent(), { timeout: 20_000 }).toBe('Line 1 has a quantity that cannot be read (see the field).');
    await screenshot(page, 'quote-7-german-error');
    await context.close();
  });

  it('saves a draft, reopens it from the promise page, and copies it into a new quote', async () => {
    const { context, page } = await newContext();
    await typeQuote(page, { ...ok, customer: 'Draft Kunde GmbH' });
    await settledStatus(page, 'ok');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const saved = page.locator('.check-actions .saved');
    await saved.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('saved')), { timeout: 20_000 }).toBe(true);
    const id = (await saved.textContent())!.match(/P-\d+/)![0];
    await saved.getByRole('link').click();
    await page.getByRole('link', { name: 'Continue in Check' }).click();
    await page.getByText(`Continuing draft ${id}.`).waitFor();
    expect(await page.getByLabel('Customer').inputValue()).toBe('Draft Kunde GmbH');
    await settledStatus(page, 'ok');
    await screenshot(page, 'quote-8-draft-reopened');

    await page.goto(`${preview.url}#/promise/${id}`);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Copy into a new quote' }).click();
    await page.getByText(`A new quote copied from ${id} (draft).`).waitFor();
    expect(await page.getByRole('group', { name: 'Line 1' }).getByLabel('Quantity').inputValue()).toBe(String(ok.lines[0]!.qty));
    // Found by customer on the Promises screen.
    await page.goto(`${preview.url}#/promises`);
    await page.getByLabel('Customer').fill('kunde');
    await page.getByRole('link', { name: id }).waitFor();
    await screenshot(page, 'quote-9-found-by-customer');
    await context.close();
  });

  it('prints the answer alone', async () => {
    const { context, page } = await newContext();
    await typeQuote(page, threeLines);
    await shown(page);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => {
      const seen = (sel: string) => [...document.querySelectorAll(sel)].some((el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).display !== 'none');
      return { nav: seen('.top'), form: seen('form.request'), actions: seen('.check-actions'), answer: seen('.answer'), sentences: seen('.tell'), head: seen('.print-head') };
    });
    expect(visible).toEqual({ nav: false, form: false, actions: false, answer: true, sentences: true, head: true });
    await screenshot(page, 'quote-10-print');
    await context.close();
  });

  it('ran without console errors', () => {
    expect(problems).toEqual([]);
  });
});
