/**
 * End to end: people, approval and a signed summary, in Debian's Chromium against `npm run web`
 * on a temporary database (the demo plant, a fixed as-of day). Users are made through the store
 * first: an admin, two salespeople, operations. Sam (sales) confirms an OK promise; Sue (sales)
 * submits one that needs overtime; Otto (operations) signs in, finds it in his approvals and
 * approves it; the customer copy exported as PDF verifies on the Verify screen and with
 * `npm run cli -- verify`. Screenshots (light and dark) go to test/e2e/screenshots/ (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview as startSharedPreview, type Preview } from './preview-server';
import type { CheckRequestInput } from '../../shared/schemas/check';
import { demoRequests } from '../../main/demo/demo-requests';
import { openDesk } from '../../main/desk/open-desk';
import { missing } from '../support/requires';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = new URL('../..', import.meta.url).pathname;
const SHOTS = join(ROOT, 'test/e2e/screenshots');
const AS_OF = '2026-03-04';
const PASS = { ada: 'ada admin passphrase', sam: 'sam sales passphrase', sue: 'sue sales passphrase', otto: 'otto operations pass' };

let preview: Preview | undefined;
let url: string;
let browser: Browser;
let dir: string;
let db: string;
const problems: string[] = [];
const made: { ok?: string; overtime?: string; pdf?: string } = {};

/** The shared preview starter, on this suite's database. */
async function startPreview(): Promise<string> {
  preview = await startSharedPreview({ db, asOf: AS_OF });
  return preview.url;
}

/** The users, through the store, before the preview opens the database (and fills it with the demo plant). */
async function addUsers(): Promise<void> {
  // On the preview's fixed day, before its noon: a signature is judged by the signer's key and
  // role at its time, and the preview signs at noon of AS_OF.
  const desk = await openDesk(db, { seedDemo: false, now: () => new Date(`${AS_OF}T00:00:00`) });
  const p = desk.people;
  await p.addUser(null, 'Ada Admin', 'admin', PASS.ada);
  const ada = await p.signIn('Ada Admin', PASS.ada);
  await p.addUser(ada, 'Sam Sales', 'sales', PASS.sam);
  await p.addUser(ada, 'Sue Sales', 'sales', PASS.sue);
  await p.addUser(ada, 'Otto Ops', 'operations', PASS.otto);
  await desk.close();
}

async function newPage(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function signIn(page: Page, name: string, passphrase: string): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('session-user').textContent(), { timeout: 15_000 }).toBe(name);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Promise Desk' }).waitFor();
}

async function typeRequest(page: Page, request: CheckRequestInput): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Check' }).click();
  await page.getByLabel('Customer').fill(request.customer ?? '');
  await page.getByLabel('Region').selectOption(request.region);
  const line = request.lines[0]!;
  const group = page.getByRole('group', { name: 'Line 1' });
  await group.getByRole('combobox', { name: 'Product' }).fill(line.sku);
  await group.getByRole('combobox', { name: 'Product' }).press('Tab');
  await group.getByLabel('Quantity').fill(String(line.qty));
  await group.getByLabel('Delivery date').fill(line.requested_date);
  await group.getByLabel('Unit price').fill(String(line.unit_price));
  await page.locator('.result[data-stale="false"]').waitFor({ timeout: 15_000 });
}

const idIn = (text: string | null) => /P-\d{6}/.exec(text ?? '')?.[0];

describe.skipIf(missing('Chromium', existsSync(CHROMIUM)))('people, approval and signed summaries in the browser preview', () => {
  const demo = demoRequests(AS_OF);
  const okCase = demo.find((d) => d.expect === 'ok')!;
  const overtimeCase = demo.find((d) => d.expect === 'needs_approval' && d.request.region === 'PL')!;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'pd-e2e-people-'));
    db = join(dir, 'desk.db');
    await addUsers();
    url = await startPreview();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a sign-in, refuses a wrong passphrase plainly, and a salesperson confirms an OK promise', async () => {
    const page = await newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Sign in to Promise Desk' }).waitFor();
    await page.getByLabel('Name').fill('Sam Sales');
    await page.getByLabel('Passphrase').fill('not my passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toBe('The name or passphrase is not correct.'); // scrypt N = 2^17 takes a moment
    await shot(page, 'people-sign-in-wrong');

    await signIn(page, 'Sam Sales', PASS.sam);
    expect(await page.getByTestId('session-role').textContent()).toBe('Sales');
    await typeRequest(page, okCase.request);
    const actions = page.getByRole('region', { name: 'Make a promise' });
    await actions.getByRole('button', { name: 'Confirm promise' }).click();
    const done = actions.getByRole('status');
    await expect.poll(() => done.textContent(), { timeout: 15_000 }).toMatch(/^Confirmed P-\d{6} for Stadtwerke Ulm/);
    made.ok = idIn(await done.textContent());
    expect(await actions.getByRole('button', { name: 'Confirm promise' }).isDisabled()).toBe(true);
    await shot(page, 'people-check-confirmed');
    await signOut(page);
    await page.close();
  });

  it('another salesperson submits a promise that needs overtime, and is told operations must approve', async () => {
    const page = await newPage();
    await page.goto(url);
    await signIn(page, 'Sue Sales', PASS.sue);
    await typeRequest(page, overtimeCase.request);
    const actions = page.getByRole('region', { name: 'Make a promise' });
    expect(await actions.locator('.approvers').textContent()).toBe('Needs approval by operations (capacity: overtime).');
    await actions.getByRole('button', { name: 'Submit for approval' }).click();
    const done = actions.getByRole('status');
    await expect.poll(() => done.textContent(), { timeout: 15_000 }).toMatch(/^Submitted P-\d{6} for approval by operations/);
    made.overtime = idIn(await done.textContent());
    await shot(page, 'people-check-submitted');
    // Sales see no approvals.
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /Approvals/ }).count()).toBe(0);
    await signOut(page);
    await page.close();
  });

  it('operations sign in, see the count, and approve it; the promise is confirmed and signed by them', async () => {
    const page = await newPage();
    await page.goto(url);
    await signIn(page, 'Otto Ops', PASS.otto);
    const entry = page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /Approvals/ });
    await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toMatch(/Approvals\s*1/);
    await entry.click();
    const card = page.getByRole('article').filter({ hasText: made.overtime! });
    await card.getByText('Budimex Kraków').waitFor();
    await shot(page, 'people-approvals');
    await card.getByLabel(`Comment on ${made.overtime}`).fill('Overtime on assembly is booked.');
    await card.getByRole('button', { name: `Approve ${made.overtime}` }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 15_000 }).toMatch(new RegExp(`Approved and confirmed ${made.overtime}`));
    await page.getByText('Nothing is waiting for you.').waitFor();
    await expect.poll(() => entry.textContent()).toBe('Approvals');

    await page.getByRole('link', { name: `Open ${made.overtime}` }).click();
    await page.getByRole('heading', { level: 1, name: `${made.overtime} · Budimex Kraków` }).waitFor();
    expect(await page.locator('.promise-head [data-state]').getAttribute('data-state')).toBe('confirmed');
    const history = page.getByRole('region', { name: 'History' });
    expect(await history.textContent()).toMatch(/Sue Sales.*Made as awaiting approval.*Otto Ops.*Awaiting approval → Confirmed.*Overtime on assembly is booked/);
    await shot(page, 'people-promise-page');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Customer copy (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${made.overtime}-customer.pdf`);
    made.pdf = join(dir, download.suggestedFilename());
    await download.saveAs(made.pdf);
    await signOut(page);
    await page.close();
  });

  it('the exported PDF verifies on the Verify screen and with the command line', async () => {
    const page = await newPage();
    await page.goto(url);
    await page.getByRole('link', { name: 'Verify a signed summary' }).click(); // open without signing in
    await page.getByLabel('Summary file (PDF or JSON)').setInputFiles(made.pdf!);
    const verdict = page.getByTestId('verdict-message');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toBe(`intact: signed by Otto Ops (operations) on ${AS_OF}; promise ${made.overtime} is now confirmed`);
    expect(await page.getByTestId('verdict-status').textContent()).toBe('confirmed');
    expect(await page.getByRole('table', { name: 'Signed lines' }).isVisible()).toBe(true);
    await shot(page, 'people-verify-intact');
    await page.close();

    const cli = spawnSync('npm', ['run', '--silent', 'cli', '--', 'verify', made.pdf!, '--db', db], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(0);
    expect(cli.stdout.trim()).toBe(`intact: signed by Otto Ops (operations) on ${AS_OF}; promise ${made.overtime} is now confirmed`);
  }, 90_000);

  it('lists and filters the promises, and shows the admin the users (dark theme)', async () => {
    const page = await newPage('dark');
    await page.goto(url);
    await signIn(page, 'Ada Admin', PASS.ada);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Promises' }).click();
    const rows = page.locator('table.promise-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    await page.getByLabel('Customer').fill('budimex');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-id')).toBe(made.overtime);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('group', { name: 'Status' }).getByLabel('Confirmed').check();
    await expect.poll(() => rows.count()).toBe(2);
    await shot(page, 'people-promises-dark');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Users' }).click();
    await page.getByRole('row', { name: /Otto Ops/ }).waitFor();
    await shot(page, 'people-users-dark');
    await page.goto(`${new URL(url).origin}/#/promise/${made.ok}`);
    await page.getByRole('heading', { level: 1, name: `${made.ok} · Stadtwerke Ulm` }).waitFor();
    await shot(page, 'people-promise-dark');
    await signOut(page);
    await page.close();
  }, 60_000);

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
