/**
 * `npm start`'s last step: Electron on the built app. Electron's program is fetched on first use;
 * where that download cannot happen (no access to github.com, a proxy), this ends with one
 * paragraph saying what failed and what to do (ELECTRON_MIRROR, `npm run web` meanwhile) instead
 * of the installer's stack trace. Arguments after `npm start --` go to the app (`--db FILE`).
 * PROMISE_DESK_ELECTRON_DIR names another electron package folder (for the tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = process.env.PROMISE_DESK_ELECTRON_DIR ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

/** The Electron program, when it is there (electron/index.js's own rules), else null. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name ?? 'electron');
  const full = name && join(electronDir, 'dist', name);
  return full && existsSync(full) ? full : null;
}

/** The installer's reason in a few words: its error's first line, without the stack. */
function reasonOf(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^Downloading/.test(l));
  const error = lines.find((l) => /error|fail|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|status/i.test(l)) ?? lines[0];
  return (error ?? 'no reason given').replace(/^(\w*Error|HTTPError|RequestError):\s*/, '').slice(0, 200);
}

let binary = electronBinary();
if (!binary) {
  console.log(`Fetching Electron ${version} (once)…`);
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
  binary = install.status === 0 ? electronBinary() : null;
  if (!binary) {
    const reason = install.error ? install.error.message : reasonOf(`${install.stderr}\n${install.stdout}`);
    const mirror = process.env.ELECTRON_MIRROR ? ` from ELECTRON_MIRROR (${process.env.ELECTRON_MIRROR})` : ' from github.com';
    console.error(
      [
        `Promise Desk was built, but it cannot start: Electron ${version}, the program that runs the desktop app, is not installed and downloading it${mirror} failed (${reason}).`,
        'If this network reaches a mirror of the Electron releases, set ELECTRON_MIRROR to it (for example ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/) and run npm start again;',
        'meanwhile `npm run web` serves the same app in your browser, and `npm run cli -- <command>` works as it is.',
      ].join(' '),
    );
    process.exit(1);
  }
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
