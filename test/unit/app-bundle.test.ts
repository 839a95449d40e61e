/**
 * `npm start` without the Electron binary (which this machine cannot download): the shell is
 * bundled exactly as `build:main` does, then run in Node with a stand-in for the electron module.
 * It must open (and seed) the database, register every channel, and answer a check from its own
 * page, while refusing another sender.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';

const root = new URL('../..', import.meta.url).pathname;
/** Left out of the bundle: electron, the native database, and packages that read their own files at run time. */
// The last: unzipper 0.12 (exceljs's, by override) requires it only to read zips from S3, never done here.
const EXTERNAL = ['electron', 'better-sqlite3', 'pdfkit', 'pdfjs-dist', 'dejavu-fonts-ttf', 'electron-updater', '@aws-sdk/client-s3'];

const STUB = String.raw`
const Module = require('node:module');
// The app sends the console to its log file; the result line goes to stdout as it is.
const print = console.log.bind(console);
const handles = new Map();
const electron = {
  app: {
    requestSingleInstanceLock: () => true, on() {}, quit() {}, getVersion: () => '0.0.0', getName: () => 'Promise Desk',
    whenReady: () => Promise.resolve(), isPackaged: true, getPath: () => process.env.PD_APP_DATA,
  },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu() {} },
  screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [] },
  dialog: { showErrorBox: (title, text) => { console.error(title, text); process.exit(1); } },
  session: { defaultSession: { webRequest: { onHeadersReceived() {} }, setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  ipcMain: { handle: (c, fn) => handles.set(c, fn), on() {} },
  BrowserWindow: class {
    once() {} on() {}
    async loadURL(url) {
      const call = (c, p, url2 = url) => handles.get(c)({ senderFrame: { url: url2 } }, p);
      const summary = await call('plant:summary', undefined);
      const sku = summary.value.products.find((p) => p.list_price !== null).sku;
      const check = await call('check:run', { request: { customer: 'Smoke', region: summary.value.regions[0].region, lines: [{ sku, qty: 1, requested_date: summary.value.as_of, unit_price: '1' }] } });
      const forbidden = await call('app:info', undefined, 'https://evil.example/');
      // A promise, its signed PDF and its verification: pdfkit, the font and pdfjs load from the shipped packages.
      const product = summary.value.products.find((p) => p.list_price !== null && p.supply === 'make') ?? summary.value.products.find((p) => p.list_price !== null);
      const later = new Date(Date.parse(summary.value.as_of) + 90 * 86400000).toISOString().slice(0, 10);
      const confirmed = await call('promises:confirm', { request: { customer: 'Smoke', region: summary.value.regions[0].region, lines: [{ sku: product.sku, qty: 5, requested_date: later, unit_price: product.list_price }] } });
      let verdict = null;
      if (confirmed.ok && confirmed.value.done) {
        const pdf = await call('summary:export', { id: confirmed.value.id, copy: 'customer', format: 'pdf' });
        const v = pdf.ok ? await call('summary:verify', { name: pdf.value.name, base64: pdf.value.base64 }) : pdf;
        verdict = v.ok ? v.value : v.error;
      }
      print(JSON.stringify({ url, channels: [...handles.keys()], summary: summary.ok, check: check.ok ? check.value.status : check.error, forbidden: forbidden.error.code, confirmed: confirmed.ok ? confirmed.value : confirmed.error, verdict }));
      process.exit(0);
    }
  },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
`;

describe('the bundled desktop shell', () => {
  it('starts on a new database and answers its own page only', async () => {
    const { buildSync } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'pd-bundle-'));
    const pkg = JSON.parse((await import('node:fs')).readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build:main']).toContain('esbuild main/shell/app.ts --bundle --platform=node --format=cjs --target=node22 ' + EXTERNAL.map((e) => `--external:${e}`).join(' '));
    expect(pkg.scripts['build:main']).toContain('--inject:main/shell/import-meta-url.ts --define:import.meta.url=importMetaUrl');
    buildSync({ entryPoints: [join(root, 'main/shell/app.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node22', external: EXTERNAL, inject: [join(root, 'main/shell/import-meta-url.ts')], define: { 'import.meta.url': 'importMetaUrl' }, outfile: join(dir, 'app.cjs'), logLevel: 'silent', nodePaths: [join(root, 'node_modules')] });
    writeFileSync(join(dir, 'stub.cjs'), STUB);
    const db = join(dir, 'app.db');
    const node = join(root, 'node_modules/.bin/node'); // Node 22, as Electron 45 runs
    const r = spawnSync(node, ['--require', join(dir, 'stub.cjs'), join(dir, 'app.cjs'), '--db', db], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_PATH: join(root, 'node_modules'), PD_APP_DATA: dir } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.url).toBe('app://promise-desk/index.html');
    expect(out.channels.sort()).toEqual([...CHANNELS].sort());
    expect(out.summary).toBe(true); // the demo plant was loaded into the new database
    expect(['ok', 'needs_approval', 'not_feasible']).toContain(out.check);
    expect(out.forbidden).toBe('forbidden');
    expect(out.confirmed, JSON.stringify(out.confirmed)).toMatchObject({ done: true, status: 'confirmed' });
    expect(out.verdict).toMatchObject({ intact: true });
    // The log file, in the app-data folder, says the app started.
    expect(readFileSync(join(dir, 'logs', 'main.log'), 'utf8')).toMatch(/\[info\] +Promise Desk 0\.0\.0 starting/);
  }, 90_000);
});
