/**
 * The life of a promise (`promises.md`): draft, confirm, submit, approve, reject, cancel, fulfil,
 * re-promise, and holds that expire by themselves. Every change passes the role gate
 * (`access/authorize.ts`) here, where the data changes, and answers in one style (`Outcome`); the
 * interface, the servers and the command line only mirror the rules. Every change re-checks
 * against the current holds and records them with the holds version it saw: a promise recorded by
 * someone else meanwhile (another window, another process) means check again, so two people
 * confirming the last capacity at once end with exactly one promise and one refusal that says why.
 */
import { approvalsNeeded } from '../../shared/rules/approvals';
import { asOfRefusal } from '../../shared/rules/checked-as-of-today';
import { holdExpiresAt } from '../../shared/rules/hold-expiry';
import { reasonCodes } from '../../shared/rules/reason-groups';
import type { ActorRef } from '../../shared/rules/roles';
import type { CheckResult } from '../../shared/schemas/check';
import { resolvePolicy } from '../../shared/schemas/tables/policy';
import { authorize } from '../access/authorize';
import type { OperationsStore } from '../db/operations-store';
import type { PromiseFilter, PromiseRecord, PromiseStatus, PromiseSummary, SignSummaries, Store } from '../db/store';
import type { Actor, PeopleService } from '../people/people-service';
import { type ApprovalRecord } from '../summary/build-summary';
import type { CheckedRequest, CheckService } from './check-service';
import { approvePromise, rejectPromise } from './promise-approval';
import { ATTEMPTS, CONFLICT_MESSAGE, NO_PLANT, gated, reasonsText, refuse, type Outcome, type Refusal } from './promise-outcome';
import { repromise, type RepromiseOptions } from './promise-repromise';
import { signSummaries } from './promise-summaries';

export * from './promise-outcome';

export interface PromiseServiceOptions {
  now?: () => Date;
  /** The operations store over the same database: a re-promise replaces a promise through it. */
  ops?: OperationsStore;
}

/** An actor that can sign (a signed-in user, or `local` with the installation key). */
const isSigner = (a: ActorRef): a is Actor => 'privateKey' in a && 'publicKey' in a;

export class PromiseService {
  readonly now: () => Date;
  readonly ops: OperationsStore | null;

  constructor(
    readonly checks: CheckService,
    readonly people: PeopleService,
    opts: PromiseServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.ops = opts.ops ?? null;
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

  /**
   * The summaries a promise gets when `actor` confirms it (signed inside the store's transaction);
   * none when the actor cannot sign (the operations side's `local` without the installation key).
   * `result`: the answer of the check inside the store's lock, the one the promise keeps.
   */
  summariesFor(actor: ActorRef, result: () => CheckResult, approvals: readonly ApprovalRecord[]): SignSummaries | undefined {
    return isSigner(actor) ? (id, at) => signSummaries(actor, { id, result: result(), confirmedAt: at, approvals }) : undefined;
  }

  /** The as-of refusal of a change (`shared/rules/checked-as-of-today.ts`), or null. */
  async asOfProblem(asOf: string | undefined): Promise<Refusal | null> {
    const today = this.checks.today();
    const why = asOfRefusal(asOf, today, asOf === undefined || asOf === today || (await this.people.singleUserMode()));
    return why ? refuse('forbidden', why) : null;
  }

  /** When a hold taken now for approval lapses (`policy.hold_days`). */
  async holdExpiry(at: string): Promise<string> {
    const plant = await this.checks.loadPlant();
    return holdExpiresAt(at, plant ? resolvePolicy(plant.workbook.policy).hold_days : 3);
  }

  /** Saves a check as a draft: holds nothing. */
  saveDraft(actor: ActorRef, request: unknown, asOf?: string): Promise<Outcome> {
    return gated(async () => {
      authorize(actor, 'promises:make');
      const c = await this.checks.checkToRecord(request, asOf ?? this.checks.today());
      if (!c.ok) return checkRefusal(c);
      const r = await this.store.recordPromise({ status: 'draft', request: c.request, result: c.result, holds: [], user: actor.name, at: this.nowIso() }, c.holdsVersion);
      if (!r.ok) return refuse('conflict', CONFLICT_MESSAGE);
      return { ok: true, id: r.id, status: 'draft', message: `Saved ${r.id} as a draft.`, result: c.result };
    });
  }

  /** Confirms an `ok` check (a request, or a draft by id): re-checks now and holds what its plans use. */
  confirm(actor: ActorRef, source: { request: unknown } | { draftId: string }, asOf?: string): Promise<Outcome> {
    return gated(() => this.record(actor, source, asOf, 'confirmed'));
  }

  /** Submits a `needs_approval` check: holds for `policy.hold_days` and asks for approval by reason. */
  submit(actor: ActorRef, source: { request: unknown } | { draftId: string }, asOf?: string): Promise<Outcome> {
    return gated(() => this.record(actor, source, asOf, 'awaiting_approval'));
  }

  private async record(actor: ActorRef, source: { request: unknown } | { draftId: string }, asOf: string | undefined, to: 'confirmed' | 'awaiting_approval'): Promise<Outcome> {
    authorize(actor, 'promises:make');
    // Once users exist a promise is made against the plant as it is today: a past as-of date
    // would hold capacity that today's plant no longer has (promises.md, checked as of today).
    const late = await this.asOfProblem(asOf);
    if (late) return late;
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
      // The first look is on the model as it is (a notice of another's change brings it up to
      // date within milliseconds, and inside the lock it is brought up to date anyway).
      let c = await this.checks.checkToRecord(request, day, { asItIs: attempt === 0 });
      // A refusal is never given on a model that may be behind (a cancel a moment ago, here or
      // on another instance, may have freed the capacity): it looks again on a current one.
      if (attempt === 0 && c.ok && c.result.status !== wanted) c = await this.checks.checkToRecord(request, day, { asItIs: false });
      if (!c.ok) return checkRefusal(c);
      if (c.result.status !== wanted) return statusRefusal(c.result, to);
      const h = await this.checks.lockFor(c.request, day, (r) => r.status === wanted);
      if (!h) return refuse('no_plant', NO_PLANT);
      const at = this.nowIso();
      const holdExpiresAt = to === 'awaiting_approval' ? await this.holdExpiry(at) : null;
      const summaries = to === 'confirmed' ? this.summariesFor(actor, () => h.decided()?.result ?? c.result, []) : undefined;
      const outcome = draft
        ? await this.store.transition(draft.id, 'draft', to, actor.name, null, { kind: 'replace', holds: c.holds }, { at, lock: h.lock, result: c.result, holdExpiresAt, summaries })
        : await this.store.recordPromise({ status: to, request: c.request, result: c.result, holds: c.holds, user: actor.name, at, holdExpiresAt, summaries }, h.lock);
      const result = h.decided()?.result ?? c.result;
      if (outcome.ok) {
        h.committed(outcome.holdsVersion);
        const id = 'id' in outcome ? outcome.id : outcome.promise.id;
        const message = to === 'confirmed' ? `Confirmed ${id} for ${result.customer}.` : `Submitted ${id} for approval by ${approvalWords(result)}; its capacity is held until ${holdExpiresAt}.`;
        return { ok: true, id, status: to, message, result };
      }
      if (outcome.conflict === 'refused') return statusRefusal(result, to);
      if (outcome.conflict !== 'plant_changed') return refuse('wrong_state', `${draft?.id} changed meanwhile (now ${'status' in outcome ? (outcome.status ?? 'gone') : 'gone'}).`);
    }
    return refuse('conflict', CONFLICT_MESSAGE);
  }

  approve(actor: ActorRef, id: string, comment?: string | null): Promise<Outcome> {
    return gated(() => approvePromise(this, actor, id, comment ?? null));
  }

  reject(actor: ActorRef, id: string, comment: string): Promise<Outcome> {
    return gated(() => rejectPromise(this, actor, id, comment));
  }

  /** Sales cancel their own promises; operations, managers and admins any. Releases everything held. */
  cancel(actor: ActorRef, id: string, comment?: string | null): Promise<Outcome> {
    return gated(async () => {
      await this.expireHolds();
      const p = await this.store.getPromise(id);
      if (!p) return refuse('not_found', `There is no promise ${id}.`);
      authorize(actor, 'promises:cancel', { createdBy: p.createdBy });
      if (!['draft', 'awaiting_approval', 'confirmed'].includes(p.status)) return refuse('wrong_state', `${id} is ${p.status}; only drafts and open promises can be cancelled.`);
      return this.move(actor, p, 'cancelled', comment ?? null, 'Cancelled');
    });
  }

  /** Operations mark a confirmed promise fulfilled: the goods have left, the holds are released. */
  fulfil(actor: ActorRef, id: string, comment?: string | null): Promise<Outcome> {
    return gated(async () => {
      await this.expireHolds();
      const p = await this.store.getPromise(id);
      if (!p) return refuse('not_found', `There is no promise ${id}.`);
      authorize(actor, 'promises:fulfil');
      if (p.status !== 'confirmed') return refuse('wrong_state', `${id} is ${p.status}; only a confirmed promise can be fulfilled.`);
      return this.move(actor, p, 'fulfilled', comment ?? null, 'Fulfilled');
    });
  }

  /**
   * Resolves a promise at risk with new dates or quantities: checked with its own holds released;
   * an `ok` check confirms the new promise and cancels the old one in one transaction (with
   * `submit`, a check that needs approval is submitted instead). Needs the rights to make the new
   * promise and to cancel the old one.
   */
  repromise(actor: ActorRef, id: string, lines: readonly unknown[], opts: RepromiseOptions = {}): Promise<Outcome> {
    return gated(() => repromise(this, actor, id, lines, opts));
  }

  /** New lines for an open promise checked as a re-promise would check them; holds nothing, changes nothing. */
  async recheck(id: string, lines: readonly unknown[], asOf: string = this.checks.today()): Promise<{ ok: true; result: CheckResult } | Refusal> {
    await this.expireHolds();
    const p = await this.openPromise(id);
    if (!('id' in p)) return p;
    const c = await this.checks.checkWithout(p.holds, { customer: p.request.customer, region: p.request.region, mode: p.request.mode, lines }, asOf);
    return c.ok ? { ok: true, result: c.result } : checkRefusal(c);
  }

  /** A promise that is still open (`confirmed` or `awaiting_approval`), or why not. */
  async openPromise(id: string): Promise<PromiseRecord | Refusal> {
    const p = await this.store.getPromise(id);
    if (!p) return refuse('not_found', `There is no promise ${id}.`);
    if (p.status !== 'confirmed' && p.status !== 'awaiting_approval') return refuse('wrong_state', `${id} is ${p.status}, not open.`);
    return p;
  }

  private async move(actor: ActorRef, p: PromiseRecord, to: PromiseStatus, comment: string | null, verb: string): Promise<Outcome> {
    const r = await this.store.transition(p.id, p.status, to, actor.name, comment, { kind: 'release' }, { at: this.nowIso() });
    if (!r.ok) return refuse('wrong_state', `${p.id} changed meanwhile (now ${r.status ?? 'gone'}); nothing was done.`);
    return { ok: true, id: p.id, status: to, message: `${verb} ${p.id}.` };
  }

  nowIso(): string {
    return this.now().toISOString();
  }
}

function approvalWords(result: CheckResult): string {
  const roles = approvalsNeeded(reasonCodes(result)).map((r) => (r === 'manager' ? 'a manager' : r));
  return roles.join(' and ') || 'operations or a manager';
}

export function checkRefusal(c: Extract<CheckedRequest, { ok: false }>): Refusal {
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
