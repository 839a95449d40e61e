/**
 * Closing or reloading the window while the renderer holds unsaved edits: the page says so the
 * web's way (its beforeunload handler prevents the unload, renderer/unsaved.ts), and Electron,
 * which shows no question of its own, reports it here as `will-prevent-unload`; the person is
 * asked, and only "Leave" lets the window go. No channel is needed: the page's own event is the
 * signal, so the preload stays one `invoke`.
 */
import { BrowserWindow, dialog, type MessageBoxSyncOptions, type WebContents } from 'electron';

export const LEAVE_QUESTION: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Unsaved edits',
  message: 'Leave without saving?',
  detail: 'The tables have edits that are not saved. Stay to save them (Ctrl+S), or leave and lose them.',
  buttons: ['Stay', 'Leave and lose them'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
const LEAVE = 1;

export function askBeforeLosingEdits(contents: WebContents): void {
  contents.on('will-prevent-unload', (event) => {
    const win = BrowserWindow.fromWebContents(contents);
    const choice = win ? dialog.showMessageBoxSync(win, LEAVE_QUESTION) : dialog.showMessageBoxSync(LEAVE_QUESTION);
    // Preventing this event's default overrides the page's "stay": the window closes or reloads.
    if (choice === LEAVE) event.preventDefault();
  });
}
