/** What a promise operation answers: done, or refused with a kind the caller can act on and a sentence. */
import type { CheckResult, RequestIssue } from '../../shared/schemas/check';
import type { PromiseStatus } from '../db/store';

export type RefusalKind =
  | 'request'
  | 'no_plant'
  | 'not_found'
  | 'wrong_state'
  | 'forbidden'
  | 'not_ok'
  | 'not_needs_approval'
  | 'own_submission'
  | 'already_approved'
  | 'not_needed'
  | 'no_longer_fits'
  | 'comment_required'
  | 'conflict';

export type Refusal = { ok: false; kind: RefusalKind; message: string; result?: CheckResult; issues?: RequestIssue[] };
export type Done = { ok: true; id: string; status: PromiseStatus; message: string; result?: CheckResult };
export type Outcome = Done | Refusal;

export const ATTEMPTS = 5;
export const CONFLICT_MESSAGE = 'Other promises kept changing the capacity while this one was checked; try again.';

export function refuse(kind: RefusalKind, message: string, extra: Partial<Refusal> = {}): Refusal {
  return { ok: false, kind, message, ...extra };
}

/** One sentence per reason, as the command line and the app show a refused check. */
export function reasonsText(result: CheckResult): string {
  return result.lines.flatMap((l, i) => l.reasons.map((r) => `line ${i + 1} (${l.sku}): ${r.code}: ${r.message}`)).join('\n');
}
