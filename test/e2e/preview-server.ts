/**
 * The browser preview (`npm run web`) on a temporary database, and headless Chromium driving it,
 * for every end-to-end test. The server prints its one URL (with the per-run token).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

export interface Preview {
  url: string;
  dir: string;
  db: string;
  /** What the server printed so far (its log, for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `npm run web -- --db <temp> --port 0 [--as-of D]` and waits for its URL. */
export async function startPreview(opts: { asOf?: string; db?: string } = {}): Promise<Preview> {
  const dir = mkdtempSync(join(tmpdir(), 'promise-desk-e2e-'));
  const db = opts.db ?? join(dir, 'e2e.db');
  const args = ['run', 'web', '--', '--db', db, '--port', '0', ...(opts.asOf ? ['--as-of', opts.asOf] : [])];
  const child: ChildProcess = spawn('npm', args, { cwd: resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the preview did not start in time:\n${out}`)), 120_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('spawn', () => undefined);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the preview exited (${code}):\n${out}`));
    });
  });
  const keep = (b: Buffer) => (out += b.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    url,
    dir,
    db,
    output: () => out,
    stop: async () => {
      // The whole group: npm, and the server it started.
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
