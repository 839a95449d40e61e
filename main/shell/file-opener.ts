/**
 * Opens a file in the window: reads it here (the window never names a path) and sends it as a
 * shell event; the window previews a workbook or verifies a summary through the contract's
 * channels, with the same checks as a dropped file. Events wait until the window listens.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SHELL_EVENT_CHANNEL, SHELL_READY_CHANNEL, type ShellEvent } from '../../shared/shell-events';
import { MAX_OPEN_BYTES, openKind } from './open-files';
import { isTrustedUrl } from './trusted-url';

export interface FileOpener {
  open(path: string): Promise<void>;
  send(event: ShellEvent): void;
}

export function fileOpener(window: () => BrowserWindow | null, log: { warn(...a: unknown[]): void }): FileOpener {
  let ready = false;
  const queue: ShellEvent[] = [];
  ipcMain.on(SHELL_READY_CHANNEL, (event) => {
    if (!isTrustedUrl(event.senderFrame?.url)) return;
    ready = true;
    for (const e of queue.splice(0)) event.sender.send(SHELL_EVENT_CHANNEL, e);
  });
  const send = (e: ShellEvent) => {
    const w = window();
    if (ready && w && !w.isDestroyed()) w.webContents.send(SHELL_EVENT_CHANNEL, e);
    else queue.push(e);
  };
  return {
    send,
    async open(path) {
      const kind = openKind(path);
      if (!kind) return;
      try {
        const size = (await stat(path)).size;
        if (size > MAX_OPEN_BYTES[kind]) throw new Error(`${basename(path)} is too large to open (${size} bytes)`);
        const base64 = (await readFile(path)).toString('base64');
        const name = basename(path).slice(0, 255);
        send(kind === 'workbook' ? { type: 'open-workbook', upload: { kind: 'xlsx', name, base64 } } : { type: 'open-summary', name, base64 });
      } catch (e) {
        log.warn(`could not open ${path}`, e);
      }
      const w = window();
      if (w) {
        if (w.isMinimized()) w.restore();
        w.focus();
      }
    },
  };
}
