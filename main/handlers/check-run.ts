import type { Output, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './backend';
import { HandlerError } from './errors';

/** Checks a request as of the given day (today by default); holds nothing. */
export async function checkRun(input: ParsedInput<'check:run'>, ctx: HandlerContext): Promise<Output<'check:run'>> {
  const outcome = await ctx.backend.check(input.request, input.asOf ?? ctx.backend.today());
  if (outcome.ok) return outcome.result;
  const n = outcome.issues.length;
  throw new HandlerError('invalid_request', n === 1 ? 'The request has 1 problem.' : `The request has ${n} problems.`, outcome.issues);
}
