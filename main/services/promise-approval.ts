/**
 * Approving and rejecting a promise that waits for approval (`promises.md`). Who must still
 * approve what is the approvals rule (`shared/rules/approvals.ts`); the gate lets only roles that
 * decide at all (operations, managers, admins) this far. Approval re-checks as of today against
 * current data with the promise's own holds released, and refuses with the reasons when it no
 * longer fits.
 */
import { approvalsMissing, completesApproval, decisionOf, submitterOf, type Decision } from '../../shared/rules/approvals';
import { approvableCodes, reasonCodes } from '../../shared/rules/reason-groups';
import type { ActorRef, Role } from '../../shared/rules/roles';
import type { CheckResult } from '../../shared/schemas/check';
import { authorize } from '../access/authorize';
import type { PromiseRecord, SignSummaries, Store } from '../db/store';
import type { ApprovalRecord } from '../summary/build-summary';
import type { CheckedRequest, CheckService } from './check-service';
import { ATTEMPTS, CONFLICT_MESSAGE, NO_PLANT, reasonsText, refuse, type Outcome, type Refusal } from './promise-outcome';

/** What approving needs of the promise service (which passes itself). */
export interface PromiseLife {
  readonly checks: CheckService;
  readonly store: Store;
  expireHolds(): Promise<string[]>;
  nowIso(): string;
  summariesFor(actor: ActorRef, result: () => CheckResult, approvals: readonly ApprovalRecord[]): SignSummaries | undefined;
}

const decisionFor = (actor: ActorRef, p: PromiseRecord) => decisionOf(actor, { status: p.status, codes: reasonCodes(p.result), approvals: p.approvals, submittedBy: submitterOf(p.events) });

/** The refusal for a decision that is not due, in words. */
function notDue(actor: ActorRef, p: PromiseRecord, d: Extract<Decision, { due: false }>, verb: 'approve' | 'reject'): Refusal {
  switch (d.why) {
    case 'not_awaiting':
      return refuse('wrong_state', `${p.id} is ${p.status}, not awaiting approval.`);
    case 'own_submission':
      return refuse('own_submission', `No one may ${verb} a promise they submitted: ${actor.name} submitted ${p.id}.`);
    case 'already_approved':
      return refuse('already_approved', `${actor.role} approved ${p.id} already.`);
    case 'not_needed':
      return refuse('not_needed', `${p.id} needs a decision by ${d.missing.join(' and ') || 'nobody more'}; ${actor.name} (${actor.role}) cannot ${verb} it.`);
  }
}

/** The refusal when `result` no longer fits what `p` was submitted (and approved) with; null when it fits. */
function noLongerFits(p: PromiseRecord, result: CheckResult, asOf: string): Refusal | null {
  const before = new Set(approvableCodes(p.result));
  const extra = approvableCodes(result).filter((c) => !before.has(c));
  if (result.status !== 'not_feasible' && !extra.length) return null;
  const why = result.status === 'not_feasible' ? 'it is no longer feasible' : `it now also needs approval for ${extra.join(', ')}`;
  return refuse('no_longer_fits', `${p.id} no longer fits as of ${asOf}: ${why}.\n${reasonsText(result)}`, { result });
}

type Rechecked = Extract<CheckedRequest, { ok: true }>;

/** The promise's request checked as of today, its own holds released, against current data. */
async function recheck(svc: PromiseLife, p: PromiseRecord): Promise<Rechecked | Refusal> {
  const asOf = svc.checks.today();
  const c = await svc.checks.checkWithout(p.holds, p.request, asOf);
  if (!c.ok) return c.kind === 'no_plant' ? refuse('no_plant', NO_PLANT) : refuse('no_longer_fits', `${p.id} no longer fits: ${c.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, { issues: c.issues });
  return noLongerFits(p, c.result, asOf) ?? c;
}

export async function approvePromise(svc: PromiseLife, actor: ActorRef, id: string, comment: string | null): Promise<Outcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await svc.expireHolds();
    const p = await svc.store.getPromise(id);
    if (!p) return refuse('not_found', `There is no promise ${id}.`);
    authorize(actor, 'promises:decide');
    const d = decisionFor(actor, p);
    if (!d.due) return notDue(actor, p, d, 'approve');
    const re = await recheck(svc, p);
    if (!re.ok) return re;
    const at = svc.nowIso();
    const approval = { role: d.as, decision: 'approved' as const, comment };
    if (!completesApproval(d)) {
      await svc.store.recordApproval(id, { ...approval, user: actor.name, at });
      const after = await svc.store.getPromise(id);
      // Another role approved at the same moment and also saw itself as not last: finish it here.
      if (after?.status === 'awaiting_approval' && approvalsMissing(reasonCodes(after.result), after.approvals).length === 0) return confirmApproved(svc, actor, after);
      const left = d.missing.filter((r) => !d.covers.includes(r));
      return { ok: true, id, status: 'awaiting_approval', message: `Approved ${id} as ${d.as}; it still needs ${left.join(' and ')}.`, result: re.result };
    }
    const r = await confirmWith(svc, actor, p, re, { ...approval, at });
    if (r !== 'retry') return r;
  }
  return refuse('conflict', CONFLICT_MESSAGE);
}

/** Confirms a promise whose approvals are complete (reached by a concurrent approval). */
async function confirmApproved(svc: PromiseLife, actor: ActorRef, p: PromiseRecord): Promise<Outcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const re = await recheck(svc, p);
    if (!re.ok) return re;
    const r = await confirmWith(svc, actor, p, re, null);
    if (r !== 'retry') return r;
    const again = await svc.store.getPromise(p.id);
    if (!again) return refuse('not_found', `There is no promise ${p.id}.`);
    p = again;
  }
  return refuse('conflict', CONFLICT_MESSAGE);
}

async function confirmWith(
  svc: PromiseLife,
  actor: ActorRef,
  p: PromiseRecord,
  re: Rechecked,
  approval: { role: Role; decision: 'approved'; comment: string | null; at: string } | null,
): Promise<Outcome | 'retry'> {
  const at = approval?.at ?? svc.nowIso();
  const approvals: ApprovalRecord[] = p.approvals
    .filter((a) => a.decision === 'approved')
    .map((a) => ({ user: a.approvedBy, role: a.role as Role, at: a.at, comment: a.comment }));
  if (approval) approvals.push({ user: actor.name, role: approval.role, at, comment: approval.comment });
  // Checked again inside a lock of the pools it reads, with its own holds released: final.
  const asOf = svc.checks.today();
  const h = await svc.checks.lockWithout(p.id, p.holds, re.request, asOf, (r) => noLongerFits(p, r, asOf) === null);
  if (!h) return refuse('no_plant', NO_PLANT);
  const decided = () => h.decided()?.result ?? re.result;
  const summaries = svc.summariesFor(actor, decided, approvals);
  const r = await svc.store.transition(p.id, 'awaiting_approval', 'confirmed', actor.name, approval?.comment ?? null, { kind: 'replace', holds: re.holds }, {
    at,
    lock: h.lock,
    ...(approval ? { approval: { role: approval.role, decision: 'approved' as const, comment: approval.comment } } : {}),
    result: re.result,
    holdExpiresAt: null,
    ...(summaries ? { summaries } : {}),
  });
  if (r.ok) return { ok: true, id: p.id, status: 'confirmed', message: `Approved and confirmed ${p.id}.`, result: decided() };
  if (r.conflict === 'refused') return noLongerFits(p, decided(), asOf) ?? refuse('no_longer_fits', `${p.id} no longer fits as of ${asOf}.`);
  if (r.conflict === 'holds_changed' || r.conflict === 'plant_changed') return 'retry';
  if (r.status === 'confirmed') return { ok: true, id: p.id, status: 'confirmed', message: `${p.id} is confirmed.` };
  return refuse('wrong_state', `${p.id} changed meanwhile (now ${r.status ?? 'gone'}); nothing was done.`);
}

export async function rejectPromise(svc: PromiseLife, actor: ActorRef, id: string, comment: string): Promise<Outcome> {
  if (typeof comment !== 'string' || comment.trim() === '') return refuse('comment_required', 'A rejection needs a comment saying why.');
  await svc.expireHolds();
  const p = await svc.store.getPromise(id);
  if (!p) return refuse('not_found', `There is no promise ${id}.`);
  authorize(actor, 'promises:decide');
  const d = decisionFor(actor, p);
  if (!d.due) return notDue(actor, p, d, 'reject');
  const r = await svc.store.transition(id, 'awaiting_approval', 'rejected', actor.name, comment.trim(), { kind: 'release' }, {
    at: svc.nowIso(),
    approval: { role: d.as, decision: 'rejected', comment: comment.trim() },
  });
  if (!r.ok) return refuse('wrong_state', `${id} changed meanwhile (now ${r.status ?? 'gone'}); nothing was done.`);
  return { ok: true, id, status: 'rejected', message: `Rejected ${id}.` };
}
