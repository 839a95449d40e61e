/**
 * Files opened with the app reach the window as shell events: read in the main process, held
 * until the window says it listens (only our own page counts), then sent; the window brought forward.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../db/temp-db';

const m = vi.hoisted(() => ({ listeners: new Map<string, (...a: unknown[]) => void>() }));
vi.mock('electron', () => ({ ipcMain: { on: (c: string, fn: (...a: unknown[]) => void) => m.listeners.set(c, fn) } }));

const dir = tempDir('pd-open-');

function fakeWindow() {
  const sent: unknown[] = [];
  const calls: string[] = [];
  return {
    sent,
    calls,
    win: {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      focus: () => calls.push('focus'),
      webContents: { send: (channel: string, e: unknown) => sent.push([channel, e]) },
    },
  };
}

describe('fileOpener', () => {
  it('holds events until our page listens, then sends them in order; later ones go at once', async () => {
    const { fileOpener } = await import('../../../main/shell/file-opener');
    const w = fakeWindow();
    const warnings: unknown[] = [];
    const opener = fileOpener(() => w.win as never, { warn: (...a) => warnings.push(a) });
    const xlsx = join(dir, 'plant.xlsx');
    writeFileSync(xlsx, 'PK-bytes');
    const pdf = join(dir, 'P-000001.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    await opener.open(xlsx);
    opener.send({ type: 'command', command: 'show-guide' });
    expect(w.sent).toEqual([]);
    expect(w.calls).toEqual(['restore', 'focus']);

    const ready = m.listeners.get('shell:ready')!;
    const replies: unknown[] = [];
    ready({ senderFrame: { url: 'https://evil.example/' }, sender: { send: (...a: unknown[]) => replies.push(a) } });
    expect(replies).toEqual([]);
    ready({ senderFrame: { url: 'app://promise-desk/index.html' }, sender: { send: (...a: unknown[]) => replies.push(a) } });
    expect(replies).toEqual([
      ['shell:event', { type: 'open-workbook', upload: { kind: 'xlsx', name: 'plant.xlsx', base64: Buffer.from('PK-bytes').toString('base64') } }],
      ['shell:event', { type: 'command', command: 'show-guide' }],
    ]);

    await opener.open(pdf);
    expect(w.sent).toEqual([['shell:event', { type: 'open-summary', name: 'P-000001.pdf', base64: Buffer.from('%PDF-1.7').toString('base64') }]]);
    expect(warnings).toEqual([]);
  });

  it('a file it does not open, or cannot read, sends nothing (the second is logged)', async () => {
    vi.resetModules();
    const { fileOpener } = await import('../../../main/shell/file-opener');
    const w = fakeWindow();
    const warnings: unknown[] = [];
    const opener = fileOpener(() => w.win as never, { warn: (...a) => warnings.push(a) });
    m.listeners.get('shell:ready')!({ senderFrame: { url: 'app://promise-desk/index.html' }, sender: { send: () => undefined } });
    await opener.open(join(dir, 'notes.txt'));
    await opener.open(join(dir, 'missing.xlsx'));
    expect(w.sent).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(String((warnings[0] as unknown[])[0])).toContain('missing.xlsx');
  });
});
