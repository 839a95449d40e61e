/**
 * Handlers of the people and promise channels (`shared/contract-promises.ts`) over the desk's
 * people and promise services. The actor of every change is the session's (or `local` in
 * single-user mode), never the payload's; the services enforce the roles. Refusals by the
 * promise rules come back as answers; by the people rules and a missing sign-in as typed errors.
 */
import { writeFile } from 'node:fs/promises';
import type { ParsedInput } from '../../shared/contract';
import type { PromiseAnswer, QueueItem, UserView, VerdictView, promisesContract } from '../../shared/contract-promises';
import type { Actor, UserListing } from '../people/people-service';
import { passphraseProblem, userNameProblem } from '../people/passphrase';
import { approvalsNeeded } from '../../shared/rules/approvals';
import { reasonCodes } from '../../shared/rules/reason-groups';
import type { Outcome } from '../services/promise-outcome';
import { findPromises } from '../services/promise-search-service';
import { verificationCode } from '../summary/sign-summary';
import { COPIES, signedSummary } from '../summary/summary-types';
import type { HandlerContext, HandlersOf } from './context';
import { HandlerError } from './errors';
import { holdView, missingApprovals, promiseActions, promiseRow, queueItem, signedContent } from './promise-views';

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

/** Field problems found before the people service runs, so the form can show them at their field. */
function fieldProblem(path: string, problem: string | null): void {
  if (problem) throw new HandlerError('bad_input', sentence(`${path}: ${problem}`), [{ path, message: problem }]);
}

async function queue(ctx: HandlerContext, actor: Actor | null): Promise<QueueItem[]> {
  if (!actor) return [];
  const out: QueueItem[] = [];
  for (const s of await ctx.desk.promises.list({ status: 'awaiting_approval' })) {
    const p = await ctx.desk.promises.get(s.id);
    const item = p && queueItem(actor, p);
    if (item) out.push(item);
  }
  // The hold that lapses first comes first.
  return out.sort((a, b) => (a.hold_expires_at ?? '').localeCompare(b.hold_expires_at ?? ''));
}

async function summaryBytes(ctx: HandlerContext, i: ParsedInput<'summary:export'>) {
  const { exportSummary } = await summaries();
  const r = await exportSummary(ctx.desk.promises, i.id, i.copy, i.format);
  if (!r.ok) throw new HandlerError(r.kind === 'not_found' ? 'not_found' : 'refused', r.message);
  return r;
}

export const promisesHandlers: HandlersOf<keyof typeof promisesContract> = {
  'session:get': (_i, ctx) => ctx.session.view(),
  'session:signin': (i, ctx) => ctx.session.signIn(i.name, i.passphrase),
  async 'session:signout'(_i, ctx) {
    ctx.session.signOut();
    return ctx.session.view();
  },

  async 'users:list'(_i, ctx) {
    await ctx.session.actor();
    return (await ctx.desk.people.listUsers()).map(userView);
  },
  async 'users:add'(i, ctx) {
    fieldProblem('name', userNameProblem(i.name));
    fieldProblem('passphrase', passphraseProblem(i.passphrase));
    const first = await ctx.desk.people.singleUserMode();
    const actor = first ? null : await ctx.session.actor();
    const u = await ctx.desk.people.addUser(actor, i.name, i.role, i.passphrase);
    // The first admin ends single-user mode; they just gave their passphrase, so they are signed in.
    if (first) await ctx.session.adopt(u.name, i.passphrase);
    return userView(u);
  },
  async 'users:disable'(i, ctx) {
    return userView(await ctx.desk.people.disableUser(await ctx.session.actor(), i.name, i.disabled ?? true));
  },
  async 'users:role'(i, ctx) {
    return userView(await ctx.desk.people.setRole(await ctx.session.actor(), i.name, i.role));
  },
  async 'users:passphrase'(i, ctx) {
    const actor = await ctx.session.actor();
    fieldProblem('new_passphrase', passphraseProblem(i.new_passphrase));
    const r = await ctx.desk.people.changePassphrase(actor, i.name, i.new_passphrase, i.current_passphrase, ctx.session.source);
    return { user: userView(r.user), new_key: r.newKey };
  },

  async 'promises:draft'(i, ctx) {
    return answer(await ctx.desk.promises.saveDraft(await ctx.session.actor(), i.request, i.asOf));
  },
  async 'promises:confirm'(i, ctx) {
    return answer(await ctx.desk.promises.confirm(await ctx.session.actor(), source(i), i.asOf));
  },
  async 'promises:submit'(i, ctx) {
    return answer(await ctx.desk.promises.submit(await ctx.session.actor(), source(i), i.asOf));
  },
  async 'promises:approve'(i, ctx) {
    return answer(await ctx.desk.promises.approve(await ctx.session.actor(), i.id, i.comment ?? null));
  },
  async 'promises:reject'(i, ctx) {
    return answer(await ctx.desk.promises.reject(await ctx.session.actor(), i.id, i.comment));
  },
  async 'promises:cancel'(i, ctx) {
    return answer(await ctx.desk.promises.cancel(await ctx.session.actor(), i.id, i.comment ?? null));
  },
  async 'promises:fulfil'(i, ctx) {
    return answer(await ctx.desk.promises.fulfil(await ctx.session.actor(), i.id, i.comment ?? null));
  },
  async 'promises:list'(i, ctx) {
    const q = i ?? {};
    const r = await findPromises(ctx.desk, {
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
  async 'promises:get'(i, ctx) {
    const p = await ctx.desk.promises.get(i.id);
    if (!p) throw new HandlerError('not_found', `There is no promise ${i.id}.`);
    const summaries = [];
    for (const copy of COPIES) {
      const row = await ctx.desk.people.store.getSummary(p.id, copy);
      const doc = row ? signedSummary.safeParse(JSON.parse(row.json)) : null;
      if (row && doc?.success) summaries.push({ copy, code: verificationCode(doc.data.summary), signed_by: row.signedBy, signed_at: doc.data.signatures[0]!.signed_at });
    }
    return {
      ...promiseRow(p),
      result: p.result,
      holds: p.holds.map(holdView),
      approvals: p.approvals.map((a) => ({ role: a.role, user: a.approvedBy, at: a.at, comment: a.comment, decision: a.decision })),
      events: p.events.map((e) => ({ at: e.at, user: e.user, from: e.from, to: e.to, comment: e.comment })),
      approvals_needed: approvalsNeeded(reasonCodes(p.result)),
      approvals_missing: p.status === 'awaiting_approval' ? missingApprovals(p) : [],
      summaries,
      actions: promiseActions(await ctx.session.whoever(), p),
    };
  },

  async 'approvals:queue'(_i, ctx) {
    return queue(ctx, await ctx.session.whoever());
  },
  async 'approvals:count'(_i, ctx) {
    // Polled for the navigation: it must not keep an idle session alive.
    return { count: (await queue(ctx, await ctx.session.whoever(false))).length };
  },

  async 'summary:export'(i, ctx) {
    const r = await summaryBytes(ctx, i);
    return { name: r.filename, media_type: r.mediaType, base64: r.bytes.toString('base64') };
  },
  async 'summary:save'(i, ctx) {
    const dialogs = ctx.dialogs?.summary;
    if (!dialogs) throw new HandlerError('unavailable', 'There is no save dialog here: the window downloads the file instead.');
    const r = await summaryBytes(ctx, i);
    const path = await dialogs.chooseSummaryTarget(r.filename, i.format);
    if (path === null) return null;
    await writeFile(path, r.bytes);
    return { path };
  },
  async 'summary:verify'(i, ctx) {
    const { verifySummary } = await summaries();
    const v = await verifySummary(ctx.desk.people, Buffer.from(i.base64, 'base64'), ctx.desk.promises);
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
