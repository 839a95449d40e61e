/**
 * People, the life of a promise and signed summaries (`promises.md`): the channels, merged into
 * the one contract map (`contract.ts`). Nothing here names who acts: the main process takes the
 * actor (and their role) from its session, never from a payload. Refusals by the promise rules are
 * answers (`done: false` with a kind and a sentence), so the screens can say why; a call that
 * needs a signed-in user and has none fails with `unauthenticated`.
 */
import { z } from 'zod';
import { asOf, date, dateStr, nothing } from './contract-fields';
import { checkResult, reason, STATUSES } from './schemas/check';
import { MODES } from './schemas/tables/lanes';
import { APPROVING_ROLES, ROLES } from './rules/roles';

export const PROMISE_STATES = ['draft', 'awaiting_approval', 'confirmed', 'rejected', 'cancelled', 'fulfilled', 'expired'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];
export const SUMMARY_COPIES = ['customer', 'internal'] as const;
export const SUMMARY_FORMATS = ['pdf', 'json'] as const;
/** What a promise action can be refused for (main/services/promise-outcome.ts names the same). */
export const REFUSAL_KINDS = [
  'request',
  'no_plant',
  'not_found',
  'wrong_state',
  'forbidden',
  'not_ok',
  'not_needs_approval',
  'own_submission',
  'already_approved',
  'not_needed',
  'no_longer_fits',
  'comment_required',
  'conflict',
] as const;

const role = z.enum(ROLES);
const userName = z.string().min(1, 'is required').max(64, 'must be at most 64 characters');
/** Passphrases are checked by length only here; the people service says what else is wrong. */
const newPassphrase = z.string().min(10, 'must have at least 10 characters').max(1024, 'must have at most 1024 characters');
const promiseId = z.string().regex(/^P-\d{6,12}$/, 'must be a promise id like P-000001');
const comment = z.string().max(500, 'must be at most 500 characters');
/** A PDF summary is a few hundred kB; room for pages of lines, not for anything else. */
const MAX_FILE_BASE64 = 30_000_000;

const sessionUser = z.object({ name: z.string(), role });
export const sessionView = z.object({
  /** `single_user`: no users, everything allowed as `local`; `signed_out`: users exist, nobody signed in. */
  mode: z.enum(['single_user', 'signed_in', 'signed_out']),
  user: sessionUser.nullable(),
  /** Minutes without an action before the session ends by itself. */
  idle_minutes: z.number().int(),
  /** What the interface should offer this user (the main process enforces it again). */
  may: z.object({ administer_users: z.boolean(), edit_operations: z.boolean(), fulfil: z.boolean(), approve_for: z.array(z.enum(APPROVING_ROLES)) }),
});
export type SessionView = z.output<typeof sessionView>;

export const signInAnswer = z.discriminatedUnion('signed_in', [
  z.object({ signed_in: z.literal(true), session: sessionView }),
  z.object({
    signed_in: z.literal(false),
    problem: z.enum(['wrong', 'throttled', 'disabled', 'not_needed']),
    message: z.string(),
    /** Seconds before the next try is accepted (after repeated wrong passphrases). */
    retry_after_s: z.number().int().nullable(),
    /** Wrong tries left before each further try must wait; null once waiting applies. */
    tries_left: z.number().int().nullable(),
  }),
]);
export type SignInAnswer = z.output<typeof signInAnswer>;

export const userView = z.object({ name: z.string(), role, disabled: z.boolean(), fingerprint: z.string(), created_at: z.string() });
export type UserView = z.output<typeof userView>;

export const promiseAnswer = z.discriminatedUnion('done', [
  z.object({ done: z.literal(true), id: z.string(), status: z.enum(PROMISE_STATES), message: z.string(), result: checkResult.optional() }),
  z.object({
    done: z.literal(false),
    kind: z.enum(REFUSAL_KINDS),
    message: z.string(),
    result: checkResult.optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
]);
export type PromiseAnswer = z.output<typeof promiseAnswer>;

const lineBrief = z.object({ sku: z.string(), name: z.string(), qty: z.number().int(), requested_date: dateStr, delivery_date: dateStr.nullable() });
export const promiseRow = z.object({
  id: z.string(),
  status: z.enum(PROMISE_STATES),
  customer: z.string(),
  region: z.string(),
  mode: z.enum(MODES),
  currency: z.string(),
  /** The status of the check it was made from (or last re-checked with). */
  check_status: z.enum(STATUSES),
  created_at: z.string(),
  created_by: z.string(),
  submitted_at: z.string().nullable(),
  confirmed_at: z.string().nullable(),
  hold_expires_at: z.string().nullable(),
  at_risk: z.boolean(),
  risk_reasons: z.array(reason),
  /** Revenue of the chosen plans (decimal string). */
  revenue: z.string(),
  lines: z.array(lineBrief),
});
export type PromiseRow = z.output<typeof promiseRow>;

export const holdView = z.object({
  line: z.number().int(),
  type: z.enum(['goods', 'hours']),
  sku: z.string().nullable(),
  resource_id: z.string().nullable(),
  date: dateStr,
  qty: z.number().int().nullable(),
  use: z.enum(['finished', 'component']).nullable(),
  regular_hours: z.string().nullable(),
  overtime_hours: z.string().nullable(),
});
export type HoldView = z.output<typeof holdView>;

export const promiseDetail = promiseRow.extend({
  result: checkResult,
  holds: z.array(holdView),
  approvals: z.array(z.object({ role: z.string(), user: z.string(), at: z.string(), comment: z.string().nullable(), decision: z.enum(['approved', 'rejected']) })),
  events: z.array(z.object({ at: z.string(), user: z.string(), from: z.enum(PROMISE_STATES).nullable(), to: z.enum(PROMISE_STATES), comment: z.string().nullable() })),
  approvals_needed: z.array(z.enum(APPROVING_ROLES)),
  approvals_missing: z.array(z.enum(APPROVING_ROLES)),
  /** The signed summaries kept for it, with their verification codes. */
  summaries: z.array(z.object({ copy: z.enum(SUMMARY_COPIES), code: z.string(), signed_by: z.string(), signed_at: z.string() })),
  /** What the session's user may do with it now (each is enforced again when done). */
  actions: z.object({ confirm: z.boolean(), submit: z.boolean(), approve: z.boolean(), reject: z.boolean(), cancel: z.boolean(), fulfil: z.boolean(), export: z.boolean() }),
});
export type PromiseDetail = z.output<typeof promiseDetail>;

export const queueItem = promiseRow.extend({
  submitted_by: z.string().nullable(),
  /** Roles whose approval is still missing, and the one this user would approve as. */
  missing: z.array(z.enum(APPROVING_ROLES)),
  approve_as: role,
  /** The reasons that need approval. */
  reasons: z.array(reason),
});
export type QueueItem = z.output<typeof queueItem>;

export const verdictView = z.object({
  intact: z.boolean(),
  /** `intact: signed by NAME (ROLE) on DATE`, or what is wrong. */
  message: z.string(),
  problem: z.enum(['unreadable', 'altered', 'signature_invalid', 'signer_unknown', 'another_key', 'unknown_promise']).nullable(),
  code: z.string().nullable(),
  promise_id: z.string().nullable(),
  copy: z.enum(SUMMARY_COPIES).nullable(),
  customer: z.string().nullable(),
  signatures: z.array(z.object({ signer: z.string(), role, signed_at: z.string() })),
  /** The promise's status now (an intact verdict), e.g. `cancelled`. */
  status: z.string().nullable(),
  /** What was signed, shown beside the verdict (an intact verdict). */
  content: z
    .object({
      region: z.string(),
      mode: z.string(),
      as_of: z.string(),
      confirmed_at: z.string(),
      currency: z.string(),
      lines: z.array(
        z.object({
          sku: z.string(),
          name: z.string(),
          unit: z.string(),
          qty: z.number(),
          unit_price: z.string(),
          deliveries: z.array(z.object({ date: z.string(), qty: z.number() })),
        }),
      ),
    })
    .nullable(),
});
export type VerdictView = z.output<typeof verdictView>;

const requestOrDraft = z
  .strictObject({ request: z.unknown().optional(), draft_id: promiseId.optional(), asOf })
  .superRefine((v, ctx) => {
    if ((v.request === undefined) === (v.draft_id === undefined)) ctx.addIssue({ code: 'custom', path: ['request'], message: 'give either a request or a draft_id' });
  });

export const promiseFilter = z.strictObject({
  status: z.array(z.enum(PROMISE_STATES)).max(PROMISE_STATES.length).optional(),
  /** Part of the customer's name, any case. */
  customer: z.string().max(200).optional(),
  /** A product on any line (exact SKU). */
  product: z.string().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
  /** Which dates `from`/`to` bound: the day it was made, or a line's requested delivery date. */
  dates: z.enum(['created', 'delivery']).optional(),
  at_risk: z.boolean().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type PromiseFilterInput = z.input<typeof promiseFilter>;

const summaryChoice = z.strictObject({ id: promiseId, copy: z.enum(SUMMARY_COPIES), format: z.enum(SUMMARY_FORMATS) });

export const promisesContract = {
  'session:get': { input: nothing, output: sessionView },
  'session:signin': { input: z.strictObject({ name: userName, passphrase: z.string().min(1, 'is required').max(1024) }), output: signInAnswer },
  'session:signout': { input: nothing, output: sessionView },

  'users:list': { input: nothing, output: z.array(userView) },
  'users:add': { input: z.strictObject({ name: userName, role, passphrase: newPassphrase }), output: userView },
  'users:disable': { input: z.strictObject({ name: userName, disabled: z.boolean().optional() }), output: userView },
  'users:role': { input: z.strictObject({ name: userName, role }), output: userView },
  /** Your own (with the current one; the key stays), or an admin's reset of someone else's (a new key). */
  'users:passphrase': {
    input: z.strictObject({ name: userName, new_passphrase: newPassphrase, current_passphrase: z.string().max(1024).optional() }),
    output: z.object({ user: userView, new_key: z.boolean() }),
  },

  /** `request` is checked field by field by the engine; its problems come back as `issues`. */
  'promises:draft': { input: z.strictObject({ request: z.unknown(), asOf }), output: promiseAnswer },
  'promises:confirm': { input: requestOrDraft, output: promiseAnswer },
  'promises:submit': { input: requestOrDraft, output: promiseAnswer },
  'promises:approve': { input: z.strictObject({ id: promiseId, comment: comment.optional() }), output: promiseAnswer },
  'promises:reject': { input: z.strictObject({ id: promiseId, comment: comment.refine((c) => c.trim() !== '', 'is required: say why') }), output: promiseAnswer },
  'promises:cancel': { input: z.strictObject({ id: promiseId, comment: comment.optional() }), output: promiseAnswer },
  'promises:fulfil': { input: z.strictObject({ id: promiseId, comment: comment.optional() }), output: promiseAnswer },
  'promises:list': { input: promiseFilter.optional(), output: z.object({ promises: z.array(promiseRow), total: z.number().int() }) },
  'promises:get': { input: z.strictObject({ id: promiseId }), output: promiseDetail },

  /** Promises waiting for a decision by the signed-in user's role (never their own submissions). */
  'approvals:queue': { input: nothing, output: z.array(queueItem) },
  'approvals:count': { input: nothing, output: z.object({ count: z.number().int() }) },

  /** The signed summary's bytes, for the window to download. */
  'summary:export': { input: summaryChoice, output: z.object({ name: z.string(), media_type: z.string(), base64: z.string() }) },
  /** The desktop app's save dialog: writes there; `null` when cancelled. */
  'summary:save': { input: summaryChoice, output: z.object({ path: z.string() }).nullable() },
  'summary:verify': {
    input: z.strictObject({ name: z.string().max(255).optional(), base64: z.string().min(1, 'is empty').max(MAX_FILE_BASE64, 'is too large for a summary').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }),
    output: verdictView,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
