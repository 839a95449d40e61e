/**
 * One ipcMain.handle per contract channel. A call is answered only for our own page (the sender
 * frame's URL is app://promise-desk/…); the payload is parsed against the channel's schema
 * (dispatch.ts) before any handler runs.
 */
import { ipcMain } from 'electron';
import { CHANNELS, type Result } from '../../shared/contract';
import type { HandlerContext } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import { isTrustedUrl } from './trusted-url';

/** Who answers a channel: in-process dispatch, or (team mode) the desktop's connection to its server. */
export type Answerer = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export async function answer(channel: string, senderUrl: string | undefined, payload: unknown, ctx: HandlerContext | Answerer): Promise<Result<unknown>> {
  if (!isTrustedUrl(senderUrl)) return { ok: false, error: { code: 'forbidden', message: 'Only the Promise Desk window may call this.' } };
  return typeof ctx === 'function' ? ctx(channel, payload) : dispatch(channel, payload, ctx);
}

export function registerIpc(ctx: HandlerContext | Answerer): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => answer(channel, event.senderFrame?.url, payload, ctx));
  }
}
