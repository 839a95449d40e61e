/**
 * A handler map over the fakes (a fake plant, operations and promises answered by name), a
 * context without a desk for them, and the renderer's Api over the real dispatch (contract
 * parsing included). Screen tests that need real behaviour use a real desk (test/support/desk.ts).
 */
import type { Api } from '../../renderer/api';
import type { Channel, ChannelResult, ParsedInput } from '../../shared/contract';
import { operationsContract } from '../../shared/contract-operations';
import { promisesContract } from '../../shared/contract-promises';
import { LOCAL_ACTOR } from '../../main/access/authorize';
import type { Desk } from '../../main/desk/open-desk';
import type { HandlerContext } from '../../main/handlers/context';
import { dispatch } from '../../main/handlers/dispatch';
import { HandlerError } from '../../main/handlers/errors';
import { handlers as realHandlers, type Handlers } from '../../main/handlers/index';
import type { DeskSession } from '../../main/session/desk-session';
import { fakeBackend } from './fake-backend';
import { fakeOperations } from './fake-operations';
import type { Backend, OperationsBackend, OpsChannel, PromiseChannel, PromisesBackend } from './fake-ports';
import { fakePromises } from './fake-promises';

export interface Fakes {
  backend: Backend;
  operations: OperationsBackend;
  promises: PromisesBackend;
}

/** Every channel answered by the fakes (`app:info` and the connection channels as the app does). */
export function fakeHandlers(f: Partial<Fakes> = {}): Handlers {
  const backend = f.backend ?? fakeBackend();
  const operations = f.operations ?? fakeOperations();
  const promises = f.promises ?? fakePromises({ signedIn: 'Ada Admin' });
  const ops = Object.fromEntries((Object.keys(operationsContract) as OpsChannel[]).map((c) => [c, (i: ParsedInput<OpsChannel>) => operations.run(c, i)]));
  const people = Object.fromEntries((Object.keys(promisesContract) as PromiseChannel[]).map((c) => [c, (i: ParsedInput<PromiseChannel>) => promises.run(c, i)]));
  return {
    ...realHandlers,
    ...(ops as unknown as Pick<Handlers, OpsChannel>),
    ...(people as unknown as Pick<Handlers, PromiseChannel>),
    'plant:summary': (i) => backend.summary(i?.asOf ?? backend.today()),
    async 'check:run'(i) {
      const outcome = await backend.check(i.request, i.asOf ?? backend.today());
      if (outcome.ok) return outcome.result;
      const n = outcome.issues.length;
      throw new HandlerError('invalid_request', n === 1 ? 'The request has 1 problem.' : `The request has ${n} problems.`, outcome.issues);
    },
    'capacity:around': (i) => backend.capacity(i.resource_ids, i.from, i.to, i.asOf ?? backend.today()),
  };
}

const noDesk = new Proxy({}, {
  get: () => {
    throw new Error('a fake context has no desk: answer with fakeHandlers, or open a real desk (test/support/desk.ts)');
  },
}) as Desk;

export type FakeContext = HandlerContext & { fakes: Handlers };

/** A context without a desk, carrying the fakes' handlers for fakeApi. */
export function fakeContext(backend?: Backend, operations?: OperationsBackend, promises?: PromisesBackend): FakeContext {
  return {
    desk: noDesk,
    session: noDesk as unknown as DeskSession,
    actor: async () => LOCAL_ACTOR,
    app: { name: 'Promise Desk', version: '0.0.0-test', runtime: 'web', database: '/tmp/fake.db' },
    fakes: fakeHandlers({ ...(backend ? { backend } : {}), ...(operations ? { operations } : {}), ...(promises ? { promises } : {}) }),
  };
}

/** The renderer's Api over the real dispatch: the fakes' handlers, or `handlers` (a real desk's). */
export function fakeApi(ctx: HandlerContext = fakeContext(), handlers?: Handlers): Api & { calls: { channel: Channel; payload: unknown }[] } {
  const calls: { channel: Channel; payload: unknown }[] = [];
  const answering = handlers ?? ('fakes' in ctx ? (ctx as FakeContext).fakes : realHandlers);
  return {
    calls,
    call: async <C extends Channel>(channel: C, payload?: unknown) => {
      calls.push({ channel, payload });
      return (await dispatch(channel, payload, ctx, answering)) as ChannelResult<C>;
    },
  };
}
