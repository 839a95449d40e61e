import type { Output, ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './backend';

/** The bottleneck picture's data: each resource's hours by day around a requested date. */
export async function capacityAround(input: ParsedInput<'capacity:around'>, ctx: HandlerContext): Promise<Output<'capacity:around'>> {
  return ctx.backend.capacity(input.resource_ids, input.from, input.to, input.asOf ?? ctx.backend.today());
}
