/**
 * Every channel's handler. The type makes this map complete: a channel added to the contract
 * does not compile until its handler is here. Handlers get parsed input only (see dispatch.ts).
 */
import type { Channel, Output, ParsedInput } from '../../shared/contract';
import { appInfo } from './app-info';
import type { HandlerContext } from './backend';
import { capacityAround } from './capacity-around';
import { checkRun } from './check-run';
import { HandlerError } from './errors';
import { operationsHandlers } from './operations';
import { plantSummary } from './plant-summary';
import { promisesHandlers } from './promises';

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export const handlers: Handlers = {
  'app:info': appInfo,
  'plant:summary': plantSummary,
  'check:run': checkRun,
  'capacity:around': capacityAround,
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
