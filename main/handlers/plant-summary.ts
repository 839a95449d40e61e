import type { Output, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './backend';

/** What the check screen needs to offer choices: products, regions and modes, currency, policy. */
export async function plantSummary(input: ParsedInput<'plant:summary'>, ctx: HandlerContext): Promise<Output<'plant:summary'>> {
  return ctx.backend.summary(input?.asOf ?? ctx.backend.today());
}
