/**
 * Approving and rejecting a promise that waits for approval (`promises.md`). Capacity reasons are
 * approved by operations, commercial ones by a manager, both when both apply; an admin's approval
 * covers every role. Approval re-checks as of today against current data with the promise's own
 * holds released, and refuses with the reasons when it no longer fits.
 */
import { buildModel, releaseHolds, runCheck, validateRequest, type Hold } from '../../shared/engine';
import { CAPACITY_REASONS, COMMERCIAL_REASONS, type CheckRequest, type CheckResult, type ReasonCode } from '../../shared/schemas/check';
import type { Approval, PromiseRecord } from '../db/store';
import type { Actor } from '../people/people-service';
import { nameKey } from '../people/passphrase';
import { approvalsNeeded, rolesCovered, type ApprovingRole, type Role } from '../people/roles';
import type { ApprovalRecord } from '../summary/build-summary';
import { ATTEMPTS, CONFLICT_MESSAGE, reasonsText, refuse, type Outcome, type Refusal } from './promise-outcome';
import type { PromiseService } from './promise-service';

const APPROVABLE = new Set<ReasonCode>([...CAPACITY_REASONS, ...COMMERCIAL_REASONS]);

/** Roles whose approval is on record; an admin's covers them all. */
function approvedRoles(approvals: readonly Approval[]): Set<string> {
  const roles = new Set(approvals.filter((a) => a.decision === 'approved').map((a) => a.role));
  if (roles.has('admin')) roles.add('operations').add('manager');
  return roles;
}

function submittedBy(p: PromiseRecord): string | null {
  return [...p.events].reverse().find((e) => e.to === 'awaiting_approval')?.user ?? null;
}

function approvableCodes(result: CheckResult): Set<ReasonCode> {
  return new Set(result.lines.flatMap((l) => l.reasons.map((r) => r.code)).filter((c) => APPROVABLE.has(c)));
}

/** Who may decide on `p`, and for which roles; a refusal when nobody's decision is due from `actor`. */
function decisionRoles(actor: Actor, p: PromiseRecord, verb: 'approve' | 'reject'): { role: Role; still: ApprovingRole[] } | Refusal {
  if (p.status !== 'awaiting_approval') return refuse('wrong_state', `${p.id} is ${p.status}, not awaiting approval.`);
  const submitter = submittedBy(p);
  // Single-user mode allows everything: `local` submitted and `local` decides.
  if (actor.name !== 'local' && submitter !== null && nameKey(submitter) === nameKey(actor.name))
    return refuse('own_submission', `No one may ${verb} a promise they submitted: ${actor.name} submitted ${p.id}.`);
  const needed = approvalsNeeded(p.result);
  const done = approvedRoles(p.approvals);
  const still = needed.filter((r) => !done.has(r));
  const covers = rolesCovered(actor.role, still);
  if (covers.length === 0) {
    if ((needed as string[]).includes(actor.role)) return refuse('already_approved', `${actor.role} approved ${p.id} already.`);
    const who = still.length ? still.join(' and ') : needed.join(' and ');
    return refuse('not_needed', `${p.id} needs a decision by ${who}; ${actor.name} (${actor.role}) cannot ${verb} it.`);
  }
  return { role: actor.role === 'admin' ? 'admin' : covers[0]!, still };
}

type Recheck = { ok: true; result: CheckResult; request: CheckRequest; holds: Hold[]; holdsVersion: number } | Refusal;

/** The refusal when `result` no longer fits what `p` was submitted (and approved) with; null when it fits. */
function noLongerFits(p: PromiseRecord, result: CheckResult, asOf: string): Refusal | null {
  const before = approvableCodes(p.result);
  const extra = [...approvableCodes(result)].filter((c) => !before.has(c));
  if (result.status !== 'not_feasible' && !extra.length) return null;
  const why = result.status === 'not_feasible' ? 'it is no longer feasible' : `it now also needs approval for ${extra.join(', ')}`;
  return refuse('no_longer_fits', `${p.id} no longer fits as of ${asOf}: ${why}.\n${reasonsText(result)}`, { result });
}

/** The promise's request checked as of today, its own holds released, against current data. */
async function recheck(svc: PromiseService, p: PromiseRecord): Promise<Recheck> {
  const asOf = svc.checks.today();
  const plant = await svc.checks.loadPlant();
  if (!plant) return refuse('no_plant', 'The database has no operations tables.');
  const { version: holdsVersion, holds: open } = await svc.store.openHoldsWithVersion();
  const model = buildModel(plant.workbook, { asOf, dataVersion: plant.dataVersion, holds: open });
  releaseHolds(model, p.holds);
  const v = validateRequest(model, p.request);
  if (!v.ok) return refuse('no_longer_fits', `${p.id} no longer fits: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, { issues: v.issues });
  const { result, holds } = runCheck(model, v.value);
  return noLongerFits(p, result, asOf) ?? { ok: true, result, request: v.value, holds, holdsVersion };
}

export async function approvePromise(svc: PromiseService, actor: Actor, id: string, comment: string | null): Promise<Outcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await svc.expireHolds();
    const p = await svc.store.getPromise(id);
    if (!p) return refuse('not_found', `There is no promise ${id}.`);
    const d = decisionRoles(actor, p, 'approve');
    if ('ok' in d) return d;
    const re = await recheck(svc, p);
    if (!re.ok) return re;
    const at = svc.nowIso();
    const approval = { role: d.role, decision: 'approved' as const, comment };
    const final = d.role === 'admin' || d.still.every((r) => r === d.role);
    if (!final) {
      await svc.store.recordApproval(id, { ...approval, user: actor.name, at });
      const after = await svc.store.getPromise(id);
      const needed = approvalsNeeded(p.result);
      // Another role approved at the same moment and also saw itself as not last: finish it here.
      if (after?.status === 'awaiting_approval' && needed.every((r) => approvedRoles(after.approvals).has(r))) return confirmApproved(svc, actor, after);
      const left = d.still.filter((r) => r !== d.role);
      return { ok: true, id, status: 'awaiting_approval', message: `Approved ${id} as ${d.role}; it still needs ${left.join(' and ')}.`, result: re.result };
    }
    const r = await confirmWith(svc, actor, p, re, { ...approval, at });
    if (r !== 'retry') return r;
  }
  return refuse('conflict', CONFLICT_MESSAGE);
}

/** Confirms a promise whose approvals are complete (reached by a concurrent approval). */
async function confirmApproved(svc: PromiseService, actor: Actor, p: PromiseRecord): Promise<Outcome> {
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
  svc: PromiseService,
  actor: Actor,
  p: PromiseRecord,
  re: Extract<Recheck, { ok: true }>,
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
  if (!h) return refuse('no_plant', 'The database has no operations tables.');
  const decided = () => h.decided()?.result ?? re.result;
  const r = await svc.store.transition(p.id, 'awaiting_approval', 'confirmed', actor.name, approval?.comment ?? null, { kind: 'replace', holds: re.holds }, {
    at,
    lock: h.lock,
    ...(approval ? { approval: { role: approval.role, decision: 'approved' as const, comment: approval.comment } } : {}),
    result: re.result,
    holdExpiresAt: null,
    summaries: (id, when) => svc.summariesFor(actor, decided(), approvals)(id, when),
  });
  if (r.ok) return { ok: true, id: p.id, status: 'confirmed', message: `Approved and confirmed ${p.id}.`, result: decided() };
  if (r.conflict === 'refused') return noLongerFits(p, decided(), asOf) ?? refuse('no_longer_fits', `${p.id} no longer fits as of ${asOf}.`);
  if (r.conflict === 'holds_changed' || r.conflict === 'plant_changed') return 'retry';
  if (r.status === 'confirmed') return { ok: true, id: p.id, status: 'confirmed', message: `${p.id} is confirmed.` };
  return refuse('wrong_state', `${p.id} changed meanwhile (now ${r.status ?? 'gone'}); nothing was done.`);
}

export async function rejectPromise(svc: PromiseService, actor: Actor, id: string, comment: string): Promise<Outcome> {
  if (typeof comment !== 'string' || comment.trim() === '') return refuse('comment_required', 'A rejection needs a comment saying why.');
  await svc.expireHolds();
  const p = await svc.store.getPromise(id);
  if (!p) return refuse('not_found', `There is no promise ${id}.`);
  const d = decisionRoles(actor, p, 'reject');
  if ('ok' in d) return d;
  const r = await svc.store.transition(id, 'awaiting_approval', 'rejected', actor.name, comment.trim(), { kind: 'release' }, {
    at: svc.nowIso(),
    approval: { role: d.role, decision: 'rejected', comment: comment.trim() },
  });
  if (!r.ok) return refuse('wrong_state', `${id} changed meanwhile (now ${r.status ?? 'gone'}); nothing was done.`);
  return { ok: true, id, status: 'rejected', message: `Rejected ${id}.` };
}
