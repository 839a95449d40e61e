/**
 * Handlers of the people and promise channels (`shared/contract-promises.ts`): each relays to the
 * promises port of the context, or answers `unavailable` where there is none.
 */
import type { Output, ParsedInput } from '../../shared/contract';
import { promisesContract } from '../../shared/contract-promises';
import type { HandlerContext } from './backend';
import { HandlerError } from './errors';
import type { PromiseChannel } from './promises-backend';

type PromiseHandlers = { [C in PromiseChannel]: (input: ParsedInput<C>, ctx: HandlerContext) => Promise<Output<C>> };

function relay<C extends PromiseChannel>(channel: C) {
  return async (input: ParsedInput<C>, ctx: HandlerContext): Promise<Output<C>> => {
    if (!ctx.promises) throw new HandlerError('unavailable', 'Promises and people are not available here.');
    return ctx.promises.run(channel, input);
  };
}

export const promisesHandlers = Object.fromEntries((Object.keys(promisesContract) as PromiseChannel[]).map((c) => [c, relay(c)])) as PromiseHandlers;
