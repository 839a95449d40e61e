/**
 * Typed failures: a handler throws a HandlerError with a code the renderer can act on; anything
 * else becomes `internal` with a plain sentence, and its stack stays in the main process's log.
 */
import type { AppError, ErrorCode, Issue } from '../../shared/contract';
import { ForbiddenError } from '../access/authorize';
import { AuthError } from '../people/people-service';
import { NoPlantError } from '../services/operations-deps';
import { UnknownResourceError } from '../services/plant-views';
import { SignedOutError } from '../session/desk-session';

export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

/** A refusal by the services as the typed error the window acts on; anything else as it is. */
export function fromService(e: unknown): unknown {
  if (e instanceof ForbiddenError) return new HandlerError('forbidden', e.message);
  if (e instanceof NoPlantError) return new HandlerError('unavailable', e.message);
  if (e instanceof UnknownResourceError) return new HandlerError('not_found', e.message);
  if (e instanceof SignedOutError) return new HandlerError('unauthenticated', e.message);
  if (e instanceof AuthError) {
    const code = ({ forbidden: 'forbidden', unknown_user: 'not_found', needs_user: 'unauthenticated', bad_input: 'bad_input' } as const)[e.problem as string] ?? 'refused';
    return new HandlerError(code, sentence(e.message));
  }
  return e;
}

export function toAppError(thrown: unknown, log: (e: unknown) => void = console.error): AppError {
  const e = fromService(thrown);
  if (e instanceof HandlerError) return e.issues ? { code: e.code, message: e.message, issues: e.issues } : { code: e.code, message: e.message };
  log(e);
  return { code: 'internal', message: 'Something went wrong in Promise Desk; the details are in its log.' };
}
