/**
 * The port of the people and promise channels (`shared/contract-promises.ts`): what their handlers
 * need from the main process, so they stay free of the database and tests can give them a fake.
 * `promises-service-backend.ts` implements it over the session and the promise services; the actor
 * of every change comes from that session, never from the payload.
 */
import type { Output, ParsedInput } from '../../shared/contract';
import type { promisesContract } from '../../shared/contract-promises';

export type PromiseChannel = keyof typeof promisesContract;

export interface PromisesBackend {
  /** Answers one of the people and promise channels (input already parsed by the contract). */
  run<C extends PromiseChannel>(channel: C, input: ParsedInput<C>): Promise<Output<C>>;
}
