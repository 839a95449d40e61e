// @vitest-environment jsdom
/**
 * The window's side of the shell's events: each is parsed first (anything else is ignored), a
 * workbook goes to the import preview, a summary to Verify, menu commands to their screens.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleShellEvent } from '../../renderer/hooks/use-shell-events';
import { onSummary, takeSummary } from '../../renderer/screens/promises/opened-summary';
import { onDropped, takeDropped } from '../../renderer/screens/workbook/dropped-workbook';

const b64 = (text: string) => Buffer.from(text).toString('base64');

beforeEach(() => {
  window.location.hash = '#/check';
  takeDropped();
  takeSummary();
});

describe('handleShellEvent', () => {
  it('a workbook opens the Workbook screen with its preview waiting', () => {
    let told = 0;
    const off = onDropped(() => told++);
    handleShellEvent({ type: 'open-workbook', upload: { kind: 'xlsx', name: 'plant.xlsx', base64: b64('PK') } }, () => 'check');
    off();
    expect(window.location.hash).toBe('#/workbook');
    expect(told).toBe(1);
    expect(takeDropped()).toEqual({ kind: 'xlsx', name: 'plant.xlsx', base64: b64('PK') });
  });

  it('a summary opens Verify with the file waiting', async () => {
    let told = 0;
    const off = onSummary(() => told++);
    handleShellEvent({ type: 'open-summary', name: 'P-000001.json', base64: b64('{"summary":{}}') }, () => 'check');
    off();
    expect(window.location.hash).toBe('#/verify');
    expect(told).toBe(1);
    const f = takeSummary()!;
    expect(f.name).toBe('P-000001.json');
    expect(await f.text()).toBe('{"summary":{}}');
    expect(takeSummary()).toBeNull();
  });

  it.each([
    ['show-guide', 'check', '#/help'],
    ['export-workbook', 'check', '#/workbook'],
    ['export-summary', 'check', '#/promises'],
    // On a promise's own screen its export is right there: the window stays.
    ['export-summary', 'promise', '#/promise/P-000001'],
  ])('the menu command %s (on %s) shows %s', (command, screen, hash) => {
    window.location.hash = screen === 'promise' ? '#/promise/P-000001' : `#/${screen}`;
    handleShellEvent({ type: 'command', command }, () => screen);
    expect(window.location.hash).toBe(hash);
  });

  it.each([
    [null],
    ['open-workbook'],
    [{ type: 'open-workbook', upload: { kind: 'xlsx', name: 'x.xlsx', base64: 'not base64!' } }],
    [{ type: 'open-summary', name: '', base64: '' }],
    [{ type: 'command', command: 'delete-everything' }],
    [{ type: 'navigate', url: 'https://evil.example/' }],
  ])('ignores what is not a shell event: %j', (raw) => {
    handleShellEvent(raw, () => 'check');
    expect(window.location.hash).toBe('#/check');
    expect(takeDropped()).toBeNull();
    expect(takeSummary()).toBeNull();
  });
});
