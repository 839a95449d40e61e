/**
 * `npm run dist` cannot run here (electron-builder downloads Electron), so its configuration is
 * tested instead: electron-builder's own schema accepts it, and it says what we mean.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script, no types
import { builderConfig } from '../../scripts/builder-config.mjs';

const root = new URL('../..', import.meta.url);
const config = parse(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The production dependency tree, as electron-builder collects it for node_modules. */
function productionPackages(): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    let manifest: { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8'));
    } catch {
      return; // an optional dependency not installed on this platform
    }
    // Installed optional dependencies ship too (pdfjs-dist's canvas binary): `files` must leave them out.
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep);
  };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep);
  return seen;
}
const production = productionPackages();

/**
 * electron-builder's reading of `files`: node_modules holds production dependencies only, then
 * the last pattern that matches a path decides.
 */
function packaged(path: string): boolean {
  const module = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (module && !production.has(module)) return false;
  let included = !!module;
  for (const p of config.files as string[]) {
    const negated = p.startsWith('!');
    if (matchesGlob(path, negated ? p.slice(1) : p)) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    const require = createRequire(import.meta.url);
    const builderRequire = createRequire(require.resolve('electron-builder'));
    const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config.js');
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage and deb, nsis, dmg', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Promise Desk');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs into an asar, with better-sqlite3\'s binaries unpacked and nothing rebuilt', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/prebuilds/*.node');
    expect(matchesGlob('node_modules/better-sqlite3/prebuilds/win32-x64.node', config.asarUnpack[0])).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('sets the fuses that close Node escape hatches', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it.each([
    ['dist/main/shell/app.cjs', true],
    ['dist/main/shell/preload.cjs', true],
    ['dist/renderer/index.html', true],
    ['dist/renderer/assets/index-abc.js', true],
    ['package.json', true],
    ['node_modules/better-sqlite3/lib/index.js', true],
    ['node_modules/better-sqlite3/prebuilds/linux-x64.node', true],
    ['node_modules/better-sqlite3/package.json', true],
    ['main/web/server.ts', false],
    ['main/web/web-server.ts', false],
    ['dist/main/web/server.cjs', false],
    ['main/shell/app.ts', false],
    ['test/e2e/check.e2e.test.ts', false],
    ['test/fakes/fake-backend.ts', false],
    ['renderer/app.tsx', false],
    ['shared/contract.ts', false],
    ['dist/renderer/assets/index-abc.js.map', false],
    ['node_modules/exceljs/package.json', true],
    ['node_modules/pdfkit/js/data/Helvetica.afm', true],
    ['node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', true],
    ['node_modules/electron/package.json', false],
    ['node_modules/react/index.js', false],
    ['node_modules/vite/package.json', false],
    ['node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', false],
    ['node_modules/better-sqlite3/src/better_sqlite3.cpp', false],
  ])('packages %s: %s', (path, expected) => {
    expect(packaged(path)).toBe(expected);
  });

  it('ships only what runs: no canvas binary for pdfjs, and of the DejaVu fonts only the two summaries embed', () => {
    expect(production.has('@napi-rs/canvas')).toBe(true); // it is installed, so only `files` keeps it out
    expect(packaged('node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node')).toBe(false);
    expect(packaged('node_modules/@napi-rs/canvas/index.js')).toBe(false);
    const fonts = readdirSync(new URL('node_modules/dejavu-fonts-ttf/ttf/', root));
    expect(fonts.length).toBeGreaterThanOrEqual(22);
    expect(fonts.filter((f) => packaged(`node_modules/dejavu-fonts-ttf/ttf/${f}`)).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf']);
    expect(packaged('node_modules/pdfjs-dist/legacy/build/pdf.mjs')).toBe(true);
  });

  it('starts the bundled shell, which the build script makes', () => {
    expect(pkg.main).toBe('dist/main/shell/app.cjs');
    expect(pkg.scripts['build:main']).toContain('--outfile=dist/main/shell/app.cjs');
    // Runtime packages stay out of the bundle (they read their own files) and ship as dependencies.
    for (const runtime of ['better-sqlite3', 'pdfkit', 'pdfjs-dist', 'dejavu-fonts-ttf']) expect(pkg.scripts['build:main']).toContain(`--external:${runtime}`);
    for (const runtime of ['better-sqlite3', 'pdfkit', 'pdfjs-dist', 'dejavu-fonts-ttf', 'exceljs', 'zod']) expect(Object.keys(pkg.dependencies)).toContain(runtime);
    for (const devOnly of ['electron', 'react', 'vite', 'electron-builder']) expect(Object.keys(pkg.dependencies)).not.toContain(devOnly);
    expect(pkg.scripts['build:main']).toContain('--outfile=dist/main/shell/preload.cjs');
    expect(pkg.scripts.dist).toBe('npm run build && node scripts/dist.mjs');
    expect(pkg.scripts.start).toBe('npm run build && node scripts/start-electron.mjs');
  });
});

describe('icons, file associations, the command line, signing and updates', () => {
  const validate = async (c: unknown) => {
    const require = createRequire(import.meta.url);
    const builderRequire = createRequire(require.resolve('electron-builder'));
    const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config.js');
    await validateConfiguration(c, { isEnabled: false, add: () => undefined });
  };
  const yamlText = readFileSync(new URL('electron-builder.yml', root), 'utf8');

  it('every target\'s icon comes from one 1024 px PNG, drawn from the favicon by npm run icons', () => {
    expect(config.icon).toBe('build/icon.png');
    for (const platform of ['mac', 'win', 'linux']) expect(config[platform].icon, platform).toBeUndefined();
    const png = readFileSync(new URL('build/icon.png', root));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(pkg.scripts.icons).toBe('node scripts/make-icon.mjs');
    expect(readFileSync(new URL('scripts/make-icon.mjs', root), 'utf8')).toContain('renderer/public/favicon.svg');
  });

  it('opens .xlsx workbooks and .pdf/.json summaries, never as their default program', () => {
    expect(config.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual(['xlsx', 'pdf', 'json']);
    for (const a of config.fileAssociations) expect(a).toMatchObject({ role: 'Viewer', rank: 'Alternate', name: expect.any(String), mimeType: expect.any(String) });
  });

  it('ships the promise-desk command beside the app, calling it with --cli', () => {
    expect(config.extraResources).toEqual([{ from: 'build/cli', to: 'bin', filter: ['promise-desk', 'promise-desk.cmd'] }]);
    const sh = readFileSync(new URL('build/cli/promise-desk', root), 'utf8');
    expect(sh.startsWith('#!/bin/sh\n')).toBe(true);
    expect(sh).toContain('"$here/../../promise-desk"');
    expect(sh).toContain('exec "$app" --cli "$@"');
    expect(config.linux.executableName).toBe('promise-desk');
    expect(statSync(new URL('build/cli/promise-desk', root)).mode & 0o111).not.toBe(0);
    expect(readFileSync(new URL('build/cli/promise-desk.cmd', root), 'utf8')).toContain('"%~dp0..\\..\\Promise Desk.exe" --cli %*');
  });

  it('the update feed is a generic URL given when building', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.PROMISE_DESK_UPDATE_URL}' }]);
  });

  it('a build with no variables: no feed, not signed, not notarised, and it says so; still valid', async () => {
    const { config: c, notes } = builderConfig(yamlText, {});
    expect(c.publish).toBeUndefined();
    expect(c.mac).toMatchObject({ identity: null, notarize: false, hardenedRuntime: true });
    expect(notes).toEqual([
      expect.stringMatching(/^No update feed: PROMISE_DESK_UPDATE_URL/),
      expect.stringMatching(/^macOS: not signed/),
      expect.stringMatching(/^macOS: not notarised/),
      expect.stringMatching(/^Windows: not signed/),
    ]);
    await validate(c);
  });

  it.each([
    ['feed only', { PROMISE_DESK_UPDATE_URL: 'https://updates.example.com/promise-desk' }, { feed: true, identity: null, notarize: false }],
    ['a certificate: signed, not notarised', { CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'x' }, { feed: false, identity: undefined, notarize: false }],
    ['certificate and App Store Connect key: notarised', { CSC_LINK: 'cert.p12', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' }, { feed: false, identity: undefined, notarize: true }],
    ['certificate and Apple ID: notarised', { CSC_NAME: 'Developer ID Application: X', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }, { feed: false, identity: undefined, notarize: true }],
    ['Apple ID incomplete: not notarised', { CSC_LINK: 'cert.p12', APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 't' }, { feed: false, identity: undefined, notarize: false }],
    ['notary key without a certificate: nothing to notarise', { APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' }, { feed: false, identity: null, notarize: false }],
    ['empty values count as absent', { PROMISE_DESK_UPDATE_URL: '', CSC_LINK: '' }, { feed: false, identity: null, notarize: false }],
  ])('%s', async (_name, env, expected) => {
    const { config: c } = builderConfig(yamlText, env);
    expect(c.publish !== undefined).toBe(expected.feed);
    expect(c.mac.identity).toBe(expected.identity);
    expect(c.mac.notarize).toBe(expected.notarize);
    await validate(c);
  });
});
