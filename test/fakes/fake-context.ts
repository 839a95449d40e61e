/** A handler context and the renderer's Api over the fakes of the three ports. */
import type { Api } from '../../renderer/api';
import type { Channel, ChannelResult } from '../../shared/contract';
import type { Backend, HandlerContext } from '../../main/handlers/backend';
import { dispatch } from '../../main/handlers/dispatch';
import type { OperationsBackend } from '../../main/handlers/operations-backend';
import type { PromisesBackend } from '../../main/handlers/promises-backend';
import { fakeBackend } from './fake-backend';
import { fakeOperations } from './fake-operations';
import { fakePromises } from './fake-promises';

export function fakeContext(backend: Backend = fakeBackend(), operations: OperationsBackend = fakeOperations(), promises: PromisesBackend = fakePromises({ signedIn: 'Ada Admin' })): HandlerContext {
  return { backend, operations, promises, app: { name: 'Promise Desk', version: '0.0.0-test', runtime: 'web', database: '/tmp/fake.db' } };
}

/** The renderer's Api over the real dispatch (contract parsing included) and a fake plant. */
export function fakeApi(ctx: HandlerContext = fakeContext()): Api & { calls: { channel: Channel; payload: unknown }[] } {
  const calls: { channel: Channel; payload: unknown }[] = [];
  return {
    calls,
    call: async <C extends Channel>(channel: C, payload?: unknown) => {
      calls.push({ channel, payload });
      return (await dispatch(channel, payload, ctx)) as ChannelResult<C>;
    },
  };
}
