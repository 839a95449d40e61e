/**
 * Handlers of the plant and check channels (`shared/contract.ts`): what the app is, what the
 * plant offers, a check (holds nothing), and the hours around a requested date.
 */
import { capacityAround, plantSummary } from '../services/plant-views';
import type { HandlersOf } from './context';
import { HandlerError } from './errors';

export const checkHandlers: HandlersOf<'app:info' | 'plant:summary' | 'check:run' | 'capacity:around'> = {
  'app:info': (_input, ctx) => ({ ...ctx.app }),
  'plant:summary': (i, ctx) => plantSummary(ctx.desk.checks, i?.asOf ?? ctx.desk.checks.today()),
  async 'check:run'(i, ctx) {
    const c = await ctx.desk.checks.check(i.request, i.asOf ?? ctx.desk.checks.today());
    if (c.ok) return c.result;
    if (c.kind === 'no_plant') throw new HandlerError('unavailable', c.message);
    const n = c.issues.length;
    throw new HandlerError('invalid_request', n === 1 ? 'The request has 1 problem.' : `The request has ${n} problems.`, c.issues);
  },
  'capacity:around': (i, ctx) => capacityAround(ctx.desk.checks, i.resource_ids, i.from, i.to, i.asOf ?? ctx.desk.checks.today()),
};
