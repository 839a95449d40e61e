/**
 * Every channel's handler: each domain's file implements its part of the contract. The type makes
 * this map complete: a channel added to the contract does not compile until its handler is here.
 * Handlers get parsed input only (see dispatch.ts).
 */
import type { Channel } from '../../shared/contract';
import { checkHandlers } from './check';
import type { Handler, HandlersOf } from './context';
import { HandlerError } from './errors';
import { operationsHandlers } from './operations';
import { promisesHandlers } from './promises';

export type { Handler } from './context';
export type Handlers = HandlersOf<Channel>;

export const handlers: Handlers = {
  ...checkHandlers,
  ...operationsHandlers,
  ...promisesHandlers,
  // The desktop app answers these in its main process (main/team-client/desktop-connection.ts).
  'connection:get': () => {
    throw new HandlerError('unavailable', 'Only the desktop app chooses where its data is.');
  },
  'connection:set': () => {
    throw new HandlerError('unavailable', 'Only the desktop app chooses where its data is.');
  },
};

/** The handler of a channel, typed for any channel (dispatch has checked the name). */
export const handlerOf = (all: Handlers, channel: Channel) => all[channel] as Handler<Channel>;
