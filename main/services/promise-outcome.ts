/**
 * What a promise operation answers: done, or refused with a kind the caller can act on and a
 * sentence. The one refusal style of the promise service: every change (draft, confirm, submit,
 * approve, reject, cancel, fulfil, re-promise) answers this way, a refusal by the role gate too.
 */
import type { CheckResult, RequestIssue } from '../../shared/schemas/check';
import type { REFUSAL_KINDS } from '../../shared/contract-promises';
import type { PromiseStatus } from '../db/store';
import { ForbiddenError } from '../access/authorize';

export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export type Refusal = { ok: false; kind: RefusalKind; message: string; result?: CheckResult; issues?: RequestIssue[] };
/** `replaces`: the promise a re-promise cancelled for this one. */
export type Done = { ok: true; id: string; status: PromiseStatus; message: string; result?: CheckResult; replaces?: string };
export type Outcome = Done | Refusal;

export const ATTEMPTS = 5;
export const CONFLICT_MESSAGE = 'Other promises kept changing the capacity while this one was checked; try again.';
export const NO_PLANT = 'The database has no operations tables.';

export function refuse(kind: RefusalKind, message: string, extra: Partial<Refusal> = {}): Refusal {
  return { ok: false, kind, message, ...extra };
}

/** Runs a change behind the role gate: a ForbiddenError of `authorize` becomes a `forbidden` refusal. */
export async function gated(change: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await change();
  } catch (e) {
    if (e instanceof ForbiddenError) return refuse('forbidden', e.message);
    throw e;
  }
}

/** One sentence per reason, as the command line and the app show a refused check. */
export function reasonsText(result: CheckResult): string {
  return result.lines.flatMap((l, i) => l.reasons.map((r) => `line ${i + 1} (${l.sku}): ${r.code}: ${r.message}`)).join('\n');
}
