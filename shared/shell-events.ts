/**
 * What the desktop shell tells the window, unasked (the other way round from the contract's
 * channels): a file to open (from the File menu, a file association, or a second launch) and menu
 * commands for the screens. The window parses every event with this schema; the browser preview
 * has no shell and sends none.
 */
import { z } from 'zod';
import { workbookUpload } from './contract-operations';

/** The one channel the shell sends on; the preload passes it to `onShellEvent` listeners. */
export const SHELL_EVENT_CHANNEL = 'shell:event';
/** Sent by the preload once the window listens, so events made before that are not lost. */
export const SHELL_READY_CHANNEL = 'shell:ready';

/** "Someone else changed data" (a team server's change events), sent by the main process with no payload. */
export const CHANGED_CHANNEL = 'shell:changed';

/** Menu items the window carries out: its screens hold the work (and the session's roles). */
export const MENU_COMMANDS = ['export-workbook', 'export-summary', 'show-guide'] as const;

export const shellEvent = z.discriminatedUnion('type', [
  /** A workbook to preview before import, as if dropped on the window. */
  z.object({ type: z.literal('open-workbook'), upload: workbookUpload }),
  /** A summary (PDF or JSON) to verify. */
  z.object({ type: z.literal('open-summary'), name: z.string().min(1).max(255), base64: z.string() }),
  z.object({ type: z.literal('command'), command: z.enum(MENU_COMMANDS) }),
]);
export type ShellEvent = z.output<typeof shellEvent>;

/** What the preload adds to `window.promiseDesk` in the desktop app. */
export interface ShellBridge {
  onShellEvent(listener: (event: unknown) => void): () => void;
}
