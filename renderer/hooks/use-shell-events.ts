/**
 * What the desktop shell sends the window unasked (shared/shell-events.ts): a workbook to preview,
 * a summary to verify, a menu command. Each event is parsed before it is acted on; the browser
 * preview has no shell and this does nothing there.
 */
import { useEffect } from 'react';
import { shellEvent, type ShellBridge } from '../../shared/shell-events';
import { go } from '../navigation';
import { offerSummary } from '../screens/promises/opened-summary';
import { offerWorkbook } from '../screens/workbook/dropped-workbook';

export function handleShellEvent(raw: unknown, route: () => string): void {
  const parsed = shellEvent.safeParse(raw);
  if (!parsed.success) return;
  const e = parsed.data;
  if (e.type === 'open-workbook') {
    go('workbook');
    offerWorkbook(e.upload);
  } else if (e.type === 'open-summary') {
    go('verify');
    offerSummary(e.name, e.base64);
  } else if (e.command === 'show-guide') {
    go('help');
  } else if (e.command === 'export-workbook') {
    go('workbook');
  } else if (route() !== 'promise') {
    // A summary is exported from its promise: on a promise's screen the export is right there.
    go('promises');
  }
}

export function useShellEvents(route: () => string): void {
  useEffect(() => {
    const bridge = window.promiseDesk as Partial<ShellBridge> | undefined;
    return bridge?.onShellEvent?.((e) => handleShellEvent(e, route));
  }, [route]);
}
