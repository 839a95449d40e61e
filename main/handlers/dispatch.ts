/**
 * The one way a channel is served, by IPC (main/shell/ipc.ts) and by HTTP (main/web/server.ts):
 * the channel must be in the contract, the payload is parsed with its input schema before
 * anything runs, and every outcome is a Result.
 */
import { contract, isChannel, toIssues, type Result } from '../../shared/contract';
import type { HandlerContext } from './context';
import { toAppError } from './errors';
import { handlers as allHandlers, handlerOf, type Handlers } from './index';

export async function dispatch(channel: unknown, payload: unknown, ctx: HandlerContext, handlers: Handlers = allHandlers): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `There is no channel ${JSON.stringify(channel)}.` } };
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    const first = issues[0];
    const where = first ? ` ${first.path || 'payload'}: ${first.message}` : '';
    return { ok: false, error: { code: 'bad_input', message: `Bad input for ${channel}.${where}`, issues } };
  }
  try {
    const handler = handlerOf(handlers, channel);
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}
