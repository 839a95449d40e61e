/**
 * `npm run build` prints no warning: its two steps (build:renderer, build:main) run exactly as
 * package.json writes them, quiet except for warnings and errors, into a temporary folder instead
 * of dist/ (which the end-to-end suites serve while this runs). Any output at all is a warning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './db/temp-db';

const root = new URL('../..', import.meta.url).pathname;
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const out = tempDir('pd-build-');

it('npm run build runs build:renderer and build:main, and neither prints anything', () => {
  expect(scripts.build).toBe('npm run build:renderer && npm run build:main');
  expect(scripts['build:renderer']).toContain('--logLevel warn');
  expect(scripts['build:main']).toContain('--log-level=warning');
  const steps = [`${scripts['build:renderer']} --outDir ${join(out, 'renderer')} --emptyOutDir`, scripts['build:main']!.replaceAll('dist/', `${out}/`)];
  for (const step of steps) {
    const r = spawnSync('sh', ['-c', step], { cwd: root, encoding: 'utf8', timeout: 240_000, env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` } });
    expect(r.stdout + r.stderr, step).toBe('');
    expect(r.status, step).toBe(0);
  }
  for (const f of ['renderer/index.html', 'main/shell/app.cjs', 'main/shell/preload.cjs']) expect(existsSync(join(out, f)), f).toBe(true);
}, 300_000);
