/**
 * The log file: `logs/main.log` in the app-data folder, rotated at 1 MB with three older files
 * kept (`main.1.log` newest). Everything the main process writes to the console goes there too,
 * through `redact` first, so no passphrase, key or token is ever written. Help > Open the Log
 * Folder opens it.
 */
import { app } from 'electron';
// electron-log's Node logger: the file and the console, and no IPC channel for pages to write to it.
import log from 'electron-log/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { redact } from './redact';

const KEEP = 3;

export const logFolder = () => join(app.getPath('userData'), 'logs');

/** `main.log` → `main.1.log` → … → `main.3.log`, the oldest dropped. */
function rotate(file: string): void {
  const older = (n: number) => join(dirname(file), `main.${n}.log`);
  rmSync(older(KEEP), { force: true });
  for (let n = KEEP - 1; n >= 1; n--) if (existsSync(older(n))) renameSync(older(n), older(n + 1));
  renameSync(file, older(1));
}

export function startLogging(): typeof log {
  log.transports.file.resolvePathFn = () => join(logFolder(), 'main.log');
  log.transports.file.maxSize = 1024 * 1024;
  log.transports.file.archiveLogFn = (old) => rotate(old.path);
  log.hooks.push((message) => ({ ...message, data: message.data.map((d) => redact(d)) }));
  // console.error in the handlers (an unexpected error's details) lands in the file, redacted.
  Object.assign(console, log.functions);
  log.errorHandler.startCatching({ showDialog: false });
  log.info(`${app.getName()} ${app.getVersion()} starting (electron ${process.versions.electron}, ${process.platform} ${process.arch})`);
  return log;
}
