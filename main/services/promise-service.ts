/**
 * The life of a promise (`promises.md`): draft, confirm, submit, approve, reject, cancel, fulfil,
 * and holds that expire by themselves. Roles are enforced here, where the data changes; the
 * interface only mirrors them. Every change re-checks against the current holds and records them
 * with the holds version it saw: a promise recorded by someone else meanwhile (another window,
 * another process) means check again, so two people confirming the last capacity at once end with
 * exactly one promise and one refusal that says why.
 */
import type { CheckResult, RequestIssue } from '../../shared/schemas/check';
import { resolvePolicy } from '../../shared/schemas/tables/policy';
import type { PromiseFilter, PromiseRecord, PromiseStatus, PromiseSummary, SignSummaries, Store } from '../db/store';
import type { Actor, PeopleService } from '../people/people-service';
import { mayCancel, mayFulfil } from '../people/roles';
import { type ApprovalRecord } from '../summary/build-summary';
import type { CheckService } from './check-service';
import { approvePromise, rejectPromise } from './promise-approval';
import { signSummaries } from './promise-summaries';
import { ATTEMPTS, CONFLICT_MESSAGE, reasonsText, refuse, type Outcome, type Refusal } from './promise-outcome';

export * from './promise-outcome';

export interface PromiseServiceOptions {
  now?: () => Date;
}

export class PromiseService {
  readonly now: () => Date;

  constructor(
    readonly checks: CheckService,
    readonly people: PeopleService,
    opts: PromiseServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  get store(): Store {
    return this.checks.store;
  }

  /** Lapsed holds are released before anything reads or changes promises. */
  async expireHolds(): Promise<string[]> {
    return this.store.expireHolds(this.now().toISOString());
  }

  async list(filter: PromiseFilter = {}): Promise<PromiseSummary[]> {
    await this.expireHolds();
    return this.store.listPromises(filter);
  }

  async get(id: string): Promise<PromiseRecord | null> {
    await this.expireHolds();
    return this.store.getPromise(id);
  }

  /** The summaries a promise gets when `actor` confirms it (signed inside the store's transaction). */
  summariesFor(actor: Actor, result: CheckResult, approvals: readonly ApprovalRecord[]): SignSummaries {
    return (id, at) => signSummaries(actor, { id, result, confirmedAt: at, approvals });
  }

  /** Saves a check as a draft: holds nothing. */
  async saveDraft(actor: Actor, request: unknown, asOf?: string): Promise<Outcome> {
    const c = await this.checks.checkToRecord(request, asOf ?? this.checks.today());
    if (!c.ok) return checkRefusal(c);
    const r = await this.store.recordPromise({ status: 'draft', request: c.request, result: c.result, holds: [], user: actor.name, at: this.nowIso() }, c.holdsVersion);
    if (!r.ok) return refuse('conflict', CONFLICT_MESSAGE);
    return { ok: true, id: r.id, status: 'draft', message: `Saved ${r.id} as a draft.`, result: c.result };
  }

  /** Confirms an `ok` check (a request, or a draft by id): re-checks now and holds what its plans use. */
  async confirm(actor: Actor, source: { request: unknown } | { draftId: string }, asOf?: string): Promise<Outcome> {
    return this.record(actor, source, asOf, 'confirmed');
  }

  /** Submits a `needs_approval` check: holds for `policy.hold_days` and asks for approval by reason. */
  async submit(actor: Actor, source: { request: unknown } | { draftId: string }, asOf?: string): Promise<Outcome> {
    return this.record(actor, source, asOf, 'awaiting_approval');
  }

  private async record(actor: Actor, source: { request: unknown } | { draftId: string }, asOf: string | undefined, to: 'confirmed' | 'awaiting_approval'): Promise<Outcome> {
    // Once users exist a promise is made against the plant as it is today: a past as-of date
    // would hold capacity that today's plant no longer has (promises.md, checked as of today).
    const today = this.checks.today();
    if (asOf !== undefined && asOf !== today && !(await this.people.singleUserMode())) {
      return refuse('forbidden', `Changes are checked as of today (${today}): another as-of date (${asOf}) is refused once users exist. Nothing was held.`);
    }
    await this.expireHolds();
    let draft: PromiseRecord | null = null;
    if ('draftId' in source) {
      draft = await this.store.getPromise(source.draftId);
      if (!draft) return refuse('not_found', `There is no promise ${source.draftId}.`);
      if (draft.status !== 'draft') return refuse('wrong_state', `${draft.id} is ${draft.status}, not a draft.`);
    }
    const request: unknown = draft ? draft.request : (source as { request: unknown }).request;
    const wanted = to === 'confirmed' ? 'ok' : 'needs_approval';
    const day = asOf ?? this.checks.today();
    // Only a change of the tables meanwhile starts over; capacity is decided once, inside the lock.
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const c = await this.checks.checkToRecord(request, day);
      if (!c.ok) return checkRefusal(c);
      if (c.result.status !== wanted) return statusRefusal(c.result, to);
      const h = await this.checks.lockFor(c.request, day, (r) => r.status === wanted);
      if (!h) return refuse('no_plant', 'The database has no operations tables.');
      const at = this.nowIso();
      const holdExpiresAt = to === 'awaiting_approval' ? await this.holdExpiry(at) : null;
      // Signed with the answer of the check inside the lock, the one the promise keeps.
      const summaries: SignSummaries | undefined = to === 'confirmed' ? (id, when) => this.summariesFor(actor, h.decided()?.result ?? c.result, [])(id, when) : undefined;
      const outcome = draft
        ? await this.store.transition(draft.id, 'draft', to, actor.name, null, { kind: 'replace', holds: c.holds }, { at, lock: h.lock, result: c.result, holdExpiresAt, summaries })
        : await this.store.recordPromise({ status: to, request: c.request, result: c.result, holds: c.holds, user: actor.name, at, holdExpiresAt, summaries }, h.lock);
      const result = h.decided()?.result ?? c.result;
      if (outcome.ok) {
        const id = 'id' in outcome ? outcome.id : outcome.promise.id;
        const message = to === 'confirmed' ? `Confirmed ${id} for ${result.customer}.` : `Submitted ${id} for approval by ${approvalWords(result)}; its capacity is held until ${holdExpiresAt}.`;
        return { ok: true, id, status: to, message, result };
      }
      if (outcome.conflict === 'refused') return statusRefusal(result, to);
      if (outcome.conflict !== 'plant_changed') return refuse('wrong_state', `${draft?.id} changed meanwhile (now ${'status' in outcome ? (outcome.status ?? 'gone') : 'gone'}).`);
    }
    return refuse('conflict', CONFLICT_MESSAGE);
  }

  private async holdExpiry(at: string): Promise<string> {
    const plant = await this.checks.loadPlant();
    const days = plant ? resolvePolicy(plant.workbook.policy).hold_days : 3;
    return new Date(Date.parse(at) + days * 24 * 3600 * 1000).toISOString();
  }

  approve(actor: Actor, id: string, comment?: string | null): Promise<Outcome> {
    return approvePromise(this, actor, id, comment ?? null);
  }

  reject(actor: Actor, id: string, comment: string): Promise<Outcome> {
    return rejectPromise(this, actor, id, comment);
  }

  /** Sales cancel their own promises; operations and managers any. Releases everything held. */
  async cancel(actor: Actor, id: string, comment?: string | null): Promise<Outcome> {
    await this.expireHolds();
    const p = await this.store.getPromise(id);
    if (!p) return refuse('not_found', `There is no promise ${id}.`);
    if (!['draft', 'awaiting_approval', 'confirmed'].includes(p.status)) return refuse('wrong_state', `${id} is ${p.status}; only drafts and open promises can be cancelled.`);
    if (!mayCancel(actor.role, actor.name, p.createdBy)) return refuse('forbidden', `${actor.name} (${actor.role}) may cancel only their own promises; ${id} is ${p.createdBy}'s.`);
    return this.move(actor, p, 'cancelled', comment ?? null, 'Cancelled');
  }

  /** Operations mark a confirmed promise fulfilled: the goods have left, the holds are released. */
  async fulfil(actor: Actor, id: string, comment?: string | null): Promise<Outcome> {
    await this.expireHolds();
    const p = await this.store.getPromise(id);
    if (!p) return refuse('not_found', `There is no promise ${id}.`);
    if (!mayFulfil(actor.role)) return refuse('forbidden', `Only operations mark promises fulfilled (${actor.name} is ${actor.role}).`);
    if (p.status !== 'confirmed') return refuse('wrong_state', `${id} is ${p.status}; only a confirmed promise can be fulfilled.`);
    return this.move(actor, p, 'fulfilled', comment ?? null, 'Fulfilled');
  }

  private async move(actor: Actor, p: PromiseRecord, to: PromiseStatus, comment: string | null, verb: string): Promise<Outcome> {
    const r = await this.store.transition(p.id, p.status, to, actor.name, comment, { kind: 'release' }, { at: this.nowIso() });
    if (!r.ok) return refuse('wrong_state', `${p.id} changed meanwhile (now ${r.status ?? 'gone'}); nothing was done.`);
    return { ok: true, id: p.id, status: to, message: `${verb} ${p.id}.` };
  }

  nowIso(): string {
    return this.now().toISOString();
  }
}

function approvalWords(result: CheckResult): string {
  const codes = new Set(result.lines.flatMap((l) => l.reasons.map((r) => r.code)));
  const roles = [];
  if (codes.has('needs_overtime') || codes.has('needs_express')) roles.push('operations');
  if (codes.has('margin_below_floor') || codes.has('discount_above_limit')) roles.push('a manager');
  return roles.join(' and ') || 'operations or a manager';
}

function checkRefusal(c: { ok: false; kind: 'request'; issues: RequestIssue[] } | { ok: false; kind: 'no_plant'; message: string }): Refusal {
  if (c.kind === 'no_plant') return refuse('no_plant', c.message);
  return refuse('request', c.issues.map((i) => `${i.path}: ${i.message}`).join('\n'), { issues: c.issues });
}

function statusRefusal(result: CheckResult, to: 'confirmed' | 'awaiting_approval'): Refusal {
  const status = result.status === 'ok' ? 'is ok' : result.status === 'needs_approval' ? 'needs approval' : 'is not feasible';
  const rule =
    to === 'confirmed'
      ? result.status === 'needs_approval'
        ? 'only an ok check can be confirmed; submit it for approval instead'
        : 'only an ok check can be confirmed'
      : result.status === 'ok'
        ? 'only a check that needs approval is submitted; confirm it instead'
        : 'only a check that needs approval can be submitted';
  const reasons = reasonsText(result);
  return refuse(to === 'confirmed' ? 'not_ok' : 'not_needs_approval', `Not ${to === 'confirmed' ? 'confirmed' : 'submitted'}: the check ${status} (${rule}).${reasons ? `\n${reasons}` : ''}`, { result });
}
