/**
 * Handlers of the operations channels (`shared/contract-operations.ts`): each relays to the
 * operations port of the context, or answers `unavailable` where there is none.
 */
import type { Channel, Output, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './backend';
import { HandlerError } from './errors';
import type { OpsChannel } from './operations-backend';

function relay<C extends OpsChannel>(channel: C) {
  return async (input: ParsedInput<C>, ctx: HandlerContext): Promise<Output<C>> => {
    if (!ctx.operations) throw new HandlerError('unavailable', 'The operations tables are not available here.');
    return ctx.operations.run(channel, input);
  };
}

export const operationsHandlers = {
  'tables:load': relay('tables:load'),
  'tables:impact': relay('tables:impact'),
  'tables:save': relay('tables:save'),
  'workbook:preview': relay('workbook:preview'),
  'workbook:choose': relay('workbook:choose'),
  'workbook:apply': relay('workbook:apply'),
  'workbook:download': relay('workbook:download'),
  'workbook:save': relay('workbook:save'),
  'capacity:picture': relay('capacity:picture'),
  'capacity:holders': relay('capacity:holders'),
  'history:list': relay('history:list'),
  'undo:preview': relay('undo:preview'),
  'undo:apply': relay('undo:apply'),
  'risk:list': relay('risk:list'),
  'risk:count': relay('risk:count'),
  'risk:recheck': relay('risk:recheck'),
  'risk:repromise': relay('risk:repromise'),
  'risk:cancel': relay('risk:cancel'),
} satisfies { [C in OpsChannel]: (input: ParsedInput<C>, ctx: HandlerContext) => Promise<Output<C>> } & Partial<Record<Channel, unknown>>;
