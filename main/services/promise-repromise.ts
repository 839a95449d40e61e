/**
 * Re-promising a promise at risk (`promises.md`: resolving means re-promising or cancelling): new
 * dates or quantities checked against the current tables with the promise's own holds released;
 * when that check is `ok` the new promise is confirmed and the old one cancelled in one
 * transaction (nothing is dropped: the old one stays, cancelled, naming its replacement). With
 * `submit`, a check that needs approval is submitted for approval instead, held for `hold_days`.
 * Otherwise nothing changes and the answer says why.
 */
import type { ActorRef } from '../../shared/rules/roles';
import type { CheckResult } from '../../shared/schemas/check';
import { authorize } from '../access/authorize';
import type { OperationsStore } from '../db/operations-store';
import type { PromiseRecord, SignSummaries, Store } from '../db/store';
import type { ApprovalRecord } from '../summary/build-summary';
import type { CheckService } from './check-service';
import { ATTEMPTS, CONFLICT_MESSAGE, NO_PLANT, refuse, type Outcome, type Refusal } from './promise-outcome';

export interface RepromiseOptions {
  asOf?: string;
  comment?: string;
  submit?: boolean;
}

/** What a re-promise needs of the promise service (which passes itself). */
export interface RepromiseDesk {
  readonly checks: CheckService;
  readonly store: Store;
  readonly ops: OperationsStore | null;
  expireHolds(): Promise<string[]>;
  nowIso(): string;
  asOfProblem(asOf: string | undefined): Promise<Refusal | null>;
  holdExpiry(at: string): Promise<string>;
  openPromise(id: string): Promise<PromiseRecord | Refusal>;
  summariesFor(actor: ActorRef, result: () => CheckResult, approvals: readonly ApprovalRecord[]): SignSummaries | undefined;
}

/** `lines`: the new lines as sent (validated by the check, as a request's are). */
export async function repromise(svc: RepromiseDesk, actor: ActorRef, id: string, lines: readonly unknown[], opts: RepromiseOptions): Promise<Outcome> {
  if (!svc.ops) throw new Error('a re-promise needs the operations store');
  const late = await svc.asOfProblem(opts.asOf);
  if (late) return late;
  const asOf = opts.asOf ?? svc.checks.today();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await svc.expireHolds();
    const p = await svc.openPromise(id);
    if (!('id' in p)) return p;
    // The new promise is made and the old one cancelled: both rights are needed.
    authorize(actor, 'promises:make');
    authorize(actor, 'promises:cancel', { createdBy: p.createdBy });
    const c = await svc.checks.checkWithout(p.holds, { customer: p.request.customer, region: p.request.region, mode: p.request.mode, lines }, asOf);
    if (!c.ok) return c.kind === 'no_plant' ? refuse('no_plant', NO_PLANT) : refuse('request', 'The new lines have problems.', { issues: c.issues });
    const submit = c.result.status === 'needs_approval' && opts.submit === true;
    if (c.result.status !== 'ok' && !submit) return notOk(c.result);
    const wanted = c.result.status;
    // Checked again inside a lock of the pools it reads, with the old promise's holds released.
    const h = await svc.checks.lockWithout(p.id, p.holds, c.request, asOf, (res) => res.status === wanted);
    if (!h) return refuse('no_plant', NO_PLANT);
    const decided = () => h.decided()?.result ?? c.result;
    const at = svc.nowIso();
    const status = submit ? ('awaiting_approval' as const) : ('confirmed' as const);
    const base = { status, request: c.request, result: c.result, holds: c.holds, user: actor.name, at, comment: opts.comment ?? null };
    const summaries = svc.summariesFor(actor, decided, []);
    const r = await svc.ops.replacePromise(id, p.status, submit ? { ...base, holdExpiresAt: await svc.holdExpiry(at) } : { ...base, ...(summaries ? { summaries } : {}) }, h.lock);
    if (r.ok) return { ok: true, id: r.id, replaces: id, status, result: decided(), message: `${submit ? 'Submitted' : 'Confirmed'} ${r.id}, which replaces ${id} (cancelled).` };
    if (r.conflict === 'refused') return notOk(decided());
    if (r.conflict !== 'holds_changed' && r.conflict !== 'plant_changed') return refuse(r.status ? 'wrong_state' : 'not_found', `Promise ${id} ${r.status ? `is ${r.status} now` : 'does not exist'}.`);
    // The tables changed meanwhile: check again on them.
  }
  return refuse('conflict', CONFLICT_MESSAGE);
}

function notOk(result: CheckResult): Refusal {
  const message = result.status === 'needs_approval' ? 'This answer needs approval: submit it for approval, or change the dates or quantities.' : 'These dates and quantities do not fit either: see the reasons.';
  return refuse('not_ok', message, { result });
}
