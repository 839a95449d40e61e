/**
 * `npm start` where Electron's program cannot be downloaded: one paragraph (what failed,
 * ELECTRON_MIRROR, npm run web), exit 1, no stack trace; and where it can, Electron starts on the
 * app with the arguments given. A stand-in electron package plays the installer both ways.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './db/temp-db';

const root = new URL('../..', import.meta.url).pathname;
const dir = tempDir('pd-start-');

function fakeElectron(name: string, install: string): string {
  const pkg = join(dir, name);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  writeFileSync(join(pkg, 'install.js'), install);
  return pkg;
}

const start = (electronDir: string, args: string[] = [], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'scripts/start-electron.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PROMISE_DESK_ELECTRON_DIR: electronDir, ELECTRON_OVERRIDE_DIST_PATH: '', ...env },
  });

describe('npm start without Electron', () => {
  it('a failed download ends with one paragraph: what failed, ELECTRON_MIRROR, npm run web; exit 1', () => {
    const failing = fakeElectron(
      'offline',
      `console.log('Downloading Electron binary...');
       console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (/x/got/index.js:1:1)\\n    at emit (node:events:1:1)');
       process.exit(1);`,
    );
    const r = start(failing);
    expect(r.status).toBe(1);
    const paragraph = r.stderr.trim();
    expect(paragraph.split('\n')).toHaveLength(1);
    expect(paragraph).toMatch(/^Promise Desk was built, but it cannot start: Electron 45\.4\.1, .* downloading it from github\.com failed \(getaddrinfo ENOTFOUND github\.com\)\./);
    expect(paragraph).toContain('set ELECTRON_MIRROR to it');
    expect(paragraph).toContain('`npm run web` serves the same app in your browser');
    expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
  });

  it('names the mirror that failed when ELECTRON_MIRROR is set', () => {
    const r = start(fakeElectron('mirror', `console.error('HTTPError: Response code 404 (Not Found)'); process.exit(1);`), [], { ELECTRON_MIRROR: 'https://mirror.example/electron/' });
    expect(r.stderr).toContain('downloading it from ELECTRON_MIRROR (https://mirror.example/electron/) failed (Response code 404 (Not Found))');
  });

  it('once the download works, Electron starts on the app with the arguments after npm start --', () => {
    const ok = fakeElectron(
      'online',
      `const fs = require('fs'), path = require('path');
       fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
       const bin = path.join(__dirname, 'dist', 'electron');
       fs.writeFileSync(bin, '#!/bin/sh\\necho "electron $*"\\nexit 3\\n');
       fs.chmodSync(bin, 0o755);
       fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
    );
    const r = start(ok, ['--db', 'x.db']);
    expect(r.stdout).toContain('electron . --db x.db');
    expect(r.status).toBe(3);
    // Installed now: started at once, without fetching again.
    const again = start(ok);
    expect(again.stdout).toBe('electron .\n');
  });
});
