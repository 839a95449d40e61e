/**
 * The promises port over the session and the people and promise services, on its own connection
 * to the app's database. The actor of every change is the session's (or `local` in single-user
 * mode); the services enforce the roles. Refusals by the promise rules come back as answers;
 * refusals by the people rules and a missing sign-in as typed errors.
 */
import { writeFile } from 'node:fs/promises';
import type { Output, ParsedInput } from '../../shared/contract';
import type { PromiseAnswer, QueueItem, UserView, VerdictView } from '../../shared/contract-promises';
import type { Store } from '../db/store';
import { AuthError, type Actor, type PeopleService, type UserListing } from '../people/people-service';
import { passphraseProblem, userNameProblem } from '../people/passphrase';
import { approvalsNeeded } from '../people/roles';
import type { Outcome } from '../services/promise-outcome';
import type { PromiseService } from '../services/promise-service';
import { SignedOutError, type DeskSession } from '../session/desk-session';
import { verificationCode } from '../summary/sign-summary';
import { COPIES, signedSummary } from '../summary/summary-types';
import { HandlerError } from './errors';
import { holdView, missingApprovals, promiseActions, promiseRow, queueItem, signedContent } from './promise-views';
import type { PromiseChannel, PromisesBackend } from './promises-backend';

/** The desktop app's save dialog for summaries (main/shell/summary-dialogs.ts); null when cancelled. */
export interface SummaryDialogs {
  chooseSummaryTarget(suggestedName: string, format: 'pdf' | 'json'): Promise<string | null>;
}

export interface PromisesDeps {
  promises: PromiseService;
  people: PeopleService;
  session: DeskSession;
  /** The database the search reads (the promise service's own connection). */
  store: Store;
  dialogs?: SummaryDialogs;
}

/**
 * The PDF writer and reader load on first use: they are large, and pdfkit resolves its data files
 * from its own module URL when it loads, which a bundled main process must not do at start.
 */
const summaries = () => import('../services/summary-service');

const userView = (u: UserListing): UserView => ({ name: u.name, role: u.role, disabled: u.disabled, fingerprint: u.fingerprint, created_at: u.createdAt });

function answer(o: Outcome): PromiseAnswer {
  if (o.ok) return { done: true, id: o.id, status: o.status, message: o.message, ...(o.result ? { result: o.result } : {}) };
  return { done: false, kind: o.kind, message: o.message, ...(o.result ? { result: o.result } : {}), ...(o.issues ? { issues: o.issues } : {}) };
}

function source(i: { request?: unknown; draft_id?: string | undefined }): { request: unknown } | { draftId: string } {
  return i.draft_id !== undefined ? { draftId: i.draft_id } : { request: i.request };
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

/** A people rule's refusal as a typed error. */
function authError(e: AuthError): HandlerError {
  const code = ({ forbidden: 'forbidden', unknown_user: 'not_found', needs_user: 'unauthenticated', bad_input: 'bad_input' } as const)[e.problem as string] ?? 'refused';
  return new HandlerError(code, sentence(e.message));
}

/** Field problems found before the people service runs, so the form can show them at their field. */
function fieldProblem(path: string, problem: string | null): void {
  if (problem) throw new HandlerError('bad_input', sentence(`${path}: ${problem}`), [{ path, message: problem }]);
}

export function promisesBackend(deps: PromisesDeps): PromisesBackend {
  const { promises, people, session } = deps;

  async function queue(actor: Actor | null): Promise<QueueItem[]> {
    if (!actor) return [];
    const out: QueueItem[] = [];
    for (const s of await promises.list({ status: 'awaiting_approval' })) {
      const p = await promises.get(s.id);
      const item = p && queueItem(actor, p);
      if (item) out.push(item);
    }
    // The hold that lapses first comes first.
    return out.sort((a, b) => (a.hold_expires_at ?? '').localeCompare(b.hold_expires_at ?? ''));
  }

  async function summaryBytes(i: ParsedInput<'summary:export'>) {
    const { exportSummary } = await summaries();
    const r = await exportSummary(promises, i.id, i.copy, i.format);
    if (!r.ok) throw new HandlerError(r.kind === 'not_found' ? 'not_found' : 'refused', r.message);
    return r;
  }

  const handlers: { [C in PromiseChannel]: (input: ParsedInput<C>) => Promise<Output<C>> } = {
    'session:get': () => session.view(),
    'session:signin': (i) => session.signIn(i.name, i.passphrase),
    async 'session:signout'() {
      session.signOut();
      return session.view();
    },

    async 'users:list'() {
      await session.actor();
      return (await people.listUsers()).map(userView);
    },
    async 'users:add'(i) {
      fieldProblem('name', userNameProblem(i.name));
      fieldProblem('passphrase', passphraseProblem(i.passphrase));
      const first = await people.singleUserMode();
      const actor = first ? null : await session.actor();
      const u = await people.addUser(actor, i.name, i.role, i.passphrase);
      // The first admin ends single-user mode; they just gave their passphrase, so they are signed in.
      if (first) await session.adopt(u.name, i.passphrase);
      return userView(u);
    },
    async 'users:disable'(i) {
      return userView(await people.disableUser(await session.actor(), i.name, i.disabled ?? true));
    },
    async 'users:role'(i) {
      return userView(await people.setRole(await session.actor(), i.name, i.role));
    },
    async 'users:passphrase'(i) {
      const actor = await session.actor();
      fieldProblem('new_passphrase', passphraseProblem(i.new_passphrase));
      const r = await people.changePassphrase(actor, i.name, i.new_passphrase, i.current_passphrase, session.source);
      return { user: userView(r.user), new_key: r.newKey };
    },

    async 'promises:draft'(i) {
      return answer(await promises.saveDraft(await session.actor(), i.request, i.asOf));
    },
    async 'promises:confirm'(i) {
      return answer(await promises.confirm(await session.actor(), source(i), i.asOf));
    },
    async 'promises:submit'(i) {
      return answer(await promises.submit(await session.actor(), source(i), i.asOf));
    },
    async 'promises:approve'(i) {
      return answer(await promises.approve(await session.actor(), i.id, i.comment ?? null));
    },
    async 'promises:reject'(i) {
      return answer(await promises.reject(await session.actor(), i.id, i.comment));
    },
    async 'promises:cancel'(i) {
      return answer(await promises.cancel(await session.actor(), i.id, i.comment ?? null));
    },
    async 'promises:fulfil'(i) {
      return answer(await promises.fulfil(await session.actor(), i.id, i.comment ?? null));
    },
    async 'promises:list'(i) {
      await promises.expireHolds();
      const q = i ?? {};
      const r = await deps.store.searchPromises({
        ...(q.status ? { status: q.status } : {}),
        ...(q.customer ? { customer: q.customer } : {}),
        ...(q.product ? { product: q.product } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.dates ? { dates: q.dates } : {}),
        ...(q.at_risk !== undefined ? { atRisk: q.at_risk } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      });
      return { promises: r.promises.map(promiseRow), total: r.total };
    },
    async 'promises:get'(i) {
      const p = await promises.get(i.id);
      if (!p) throw new HandlerError('not_found', `There is no promise ${i.id}.`);
      const summaries = [];
      for (const copy of COPIES) {
        const row = await people.store.getSummary(p.id, copy);
        const doc = row ? signedSummary.safeParse(JSON.parse(row.json)) : null;
        if (row && doc?.success) summaries.push({ copy, code: verificationCode(doc.data.summary), signed_by: row.signedBy, signed_at: doc.data.signatures[0]!.signed_at });
      }
      return {
        ...promiseRow(p),
        result: p.result,
        holds: p.holds.map(holdView),
        approvals: p.approvals.map((a) => ({ role: a.role, user: a.approvedBy, at: a.at, comment: a.comment, decision: a.decision })),
        events: p.events.map((e) => ({ at: e.at, user: e.user, from: e.from, to: e.to, comment: e.comment })),
        approvals_needed: approvalsNeeded(p.result),
        approvals_missing: p.status === 'awaiting_approval' ? missingApprovals(p.result, p.approvals) : [],
        summaries,
        actions: promiseActions(await session.whoever(), p),
      };
    },

    async 'approvals:queue'() {
      return queue(await session.whoever());
    },
    async 'approvals:count'() {
      // Polled for the navigation: it must not keep an idle session alive.
      return { count: (await queue(await session.whoever(false))).length };
    },

    async 'summary:export'(i) {
      const r = await summaryBytes(i);
      return { name: r.filename, media_type: r.mediaType, base64: r.bytes.toString('base64') };
    },
    async 'summary:save'(i) {
      if (!deps.dialogs) throw new HandlerError('unavailable', 'There is no save dialog here: the window downloads the file instead.');
      const r = await summaryBytes(i);
      const path = await deps.dialogs.chooseSummaryTarget(r.filename, i.format);
      if (path === null) return null;
      await writeFile(path, r.bytes);
      return { path };
    },
    async 'summary:verify'(i) {
      const { verifySummary } = await summaries();
      const v = await verifySummary(people, Buffer.from(i.base64, 'base64'), promises);
      const view: VerdictView = v.intact
        ? {
            intact: true,
            message: v.message,
            problem: null,
            code: v.code,
            promise_id: v.summary.promise_id,
            copy: v.summary.copy,
            customer: v.summary.customer,
            signatures: v.signatures.map((s) => ({ signer: s.signer, role: s.role, signed_at: s.signed_at })),
            status: v.status,
            content: signedContent(v.summary),
          }
        : { intact: false, message: v.message, problem: v.problem, code: v.code, promise_id: null, copy: null, customer: null, signatures: [], status: null, content: null };
      return view;
    },
  };

  return {
    async run(channel, input) {
      try {
        return await (handlers[channel] as (i: unknown) => Promise<never>)(input);
      } catch (e) {
        if (e instanceof SignedOutError) throw new HandlerError('unauthenticated', e.message);
        if (e instanceof AuthError) throw authError(e);
        throw e;
      }
    },
  };
}

/** Who acts, for the other ports (the operations workspace): the session's actor, or `unauthenticated`. */
export async function sessionActor(session: DeskSession): Promise<Actor> {
  try {
    return await session.actor();
  } catch (e) {
    if (e instanceof SignedOutError) throw new HandlerError('unauthenticated', e.message);
    throw e;
  }
}
