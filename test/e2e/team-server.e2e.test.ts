/**
 * End to end on a team server: the browser UI in Debian's Chromium against `startTeamServer` on a
 * fresh team database (PostgreSQL, the demo plant, a fixed as-of day), three people in three
 * browser contexts. Sam (sales) signs in, checks and confirms; Olga (operations), on the capacity
 * screen in her own context, gets the new picture with the promise's hours held without reloading;
 * Max (manager) sees his approvals count rise when Sam submits a promise at a discount beyond
 * what sales may give.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRequestInput } from '../../shared/schemas/check';
import { openPostgres } from '../../main/db/postgres/open-postgres';
import { demoRequests } from '../../main/demo/demo-requests';
import { PeopleService } from '../../main/people/people-service';
import { seedDemoIfEmpty } from '../../main/services/workbook-service';
import { TeamClient } from '../../main/team-client/team-client';
import { openServedDesk, type OpenedDesk } from '../../main/web/team/open-served-desk';
import { startTeamServer, type TeamServer } from '../../main/web/team/team-server';
import { FAST } from '../fixtures/promise-plant';
import { freshDatabase, hasPostgres } from '../support/postgres';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const AS_OF = '2026-03-04';
const PASS = 'correct horse battery';
const CI = process.env.CI === 'true';

let dir: string;
let browser: Browser;
let opened: OpenedDesk;
let server: TeamServer;
const problems: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.url);
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  return page;
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { marker?: number }).marker);

async function signIn(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to Promise Desk' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('session-user').textContent(), { timeout: 15_000 }).toBe(name);
}

async function typeRequest(page: Page, request: CheckRequestInput): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check' }).click();
  await page.getByLabel('Customer').fill(request.customer ?? '');
  await page.getByLabel('Region').selectOption(request.region ?? '');
  const line = request.lines[0]!;
  const group = page.getByRole('group', { name: 'Line 1' });
  await group.getByRole('combobox', { name: 'Product' }).fill(line.sku);
  await group.getByRole('combobox', { name: 'Product' }).press('Tab');
  await group.getByLabel('Quantity').fill(String(line.qty));
  await group.getByLabel('Delivery date').fill(line.requested_date);
  await group.getByLabel('Unit price').fill(String(line.unit_price));
  await page.locator('.result[data-stale="false"]').waitFor({ timeout: 20_000 });
}

const enabled = existsSync(CHROMIUM) && (hasPostgres() || CI);

describe.skipIf(!enabled)('the browser UI on a team server', () => {
  const demo = demoRequests(AS_OF);
  const okCase = demo.find((d) => d.expect === 'ok')!;
  const discountCase = demo.find((d) => d.request.customer === 'Agro Lyon SA')!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pd-e2e-team-'));
    // A build of its own: other suites rebuild dist/renderer while they run.
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', join(dir, 'renderer'), '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });
    const url = await freshDatabase('e2e');
    const db = await openPostgres(url);
    await seedDemoIfEmpty(db.store, { today: AS_OF, user: 'local' });
    const people = new PeopleService(db.people, { scryptCost: FAST });
    const admin = await people.addUser(null, 'Ada Admin', 'admin', PASS);
    const ada = await people.signIn(admin.name, PASS);
    for (const [name, role] of [['Sam Sales', 'sales'], ['Olga Ops', 'operations'], ['Max Manager', 'manager']] as const) await people.addUser(ada, name, role, PASS);
    await db.store.close();
    opened = await openServedDesk(url, { asOf: AS_OF });
    server = await startTeamServer({ desk: opened.desk, rendererDir: join(dir, 'renderer'), port: 0, events: opened.events, onChange: opened.tell });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await opened?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sales confirms in one browser; operations sees the hours held on the capacity picture without reloading', async () => {
    const ops = await newPage();
    await signIn(ops, 'Olga Ops');
    await ops.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Capacity' }).click();
    await ops.locator('.heatmap').waitFor({ timeout: 20_000 });

    const sales = await newPage();
    await signIn(sales, 'Sam Sales');
    await typeRequest(sales, okCase.request);
    // The picture operations get after the confirm, fetched by their page by itself.
    const refreshed = ops.waitForResponse((r) => r.url().endsWith('/api/capacity:picture'), { timeout: 10_000 });
    const actions = sales.getByRole('region', { name: 'Make a promise' });
    await actions.getByRole('button', { name: 'Confirm promise' }).click();
    await expect.poll(() => actions.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Confirmed P-\d{6} for Stadtwerke Ulm/);
    const id = /P-\d{6}/.exec((await actions.getByRole('status').textContent()) ?? '')![0];

    // Which hours the promise holds, as the server says.
    const api = new TeamClient({ url: server.url });
    await api.signIn('Olga Ops', PASS);
    const p = await api.call('promises:get', { id });
    const hours = (p.ok ? p.value.holds : []).filter((h) => h.type === 'hours');
    expect(hours.length).toBeGreaterThan(0);
    const picture = (await (await refreshed).json()) as { value: { dates: string[]; resources: { resource_id: string; held_regular_e4: number[]; held_overtime_e4: number[] }[] } };
    for (const h of hours) {
      const r = picture.value.resources.find((x) => x.resource_id === h.resource_id)!;
      const i = picture.value.dates.indexOf(h.date);
      expect(r.held_regular_e4[i]! + r.held_overtime_e4[i]!, `${h.resource_id} ${h.date}`).toBeGreaterThan(0);
    }
    expect(await notReloaded(ops)).toBe(42);
    await sales.context().close();
    await ops.context().close();
  });

  it("a manager's approvals count rises when a salesperson submits, without reloading", async () => {
    const manager = await newPage();
    await signIn(manager, 'Max Manager');
    await expect.poll(() => manager.getByTestId('approvals-count').count()).toBe(0);

    const sales = await newPage();
    await signIn(sales, 'Sam Sales');
    await typeRequest(sales, discountCase.request);
    const actions = sales.getByRole('region', { name: 'Make a promise' });
    await actions.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => actions.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Submitted P-\d{6}/);

    await expect.poll(() => manager.getByTestId('approvals-count').textContent(), { timeout: 5_000 }).toMatch(/1/);
    expect(await notReloaded(manager)).toBe(42);
    expect(problems).toEqual([]);
  });
});
