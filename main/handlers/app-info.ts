import type { Output } from '../../shared/contract';
import type { HandlerContext } from './backend';

export function appInfo(_input: unknown, ctx: HandlerContext): Output<'app:info'> {
  return { ...ctx.app };
}
