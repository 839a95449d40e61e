/**
 * Typed failures: a handler throws a HandlerError with a code the renderer can act on; anything
 * else becomes `internal` with a plain sentence, and its stack stays in the main process's log.
 */
import type { AppError, ErrorCode, Issue } from '../../shared/contract';

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

export function toAppError(e: unknown, log: (e: unknown) => void = console.error): AppError {
  if (e instanceof HandlerError) return e.issues ? { code: e.code, message: e.message, issues: e.issues } : { code: e.code, message: e.message };
  log(e);
  return { code: 'internal', message: 'Something went wrong in Promise Desk; the details are in its log.' };
}
