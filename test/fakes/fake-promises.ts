/**
 * A fake people-and-promises port for contract and screen tests. Its rules are simple and stated
 * here, not the services': three users (Ada Admin, Sam Sales, Otto Ops; passphrase `NAME pass 1`
 * in lower case, e.g. `sam pass 1234`); three wrong passphrases in a row make each further try
 * wait 2 s; promises are made from the fake plant's checks (fake-backend.ts: up to 100 units ok,
 * up to 200 needs overtime). P-000001 waits for operations, P-000002 for a manager (both submitted
 * by Sam), P-000003 is confirmed. Verify reads a JSON `{summary, signatures}` as intact, anything
 * else as unreadable.
 */
import type { Output, ParsedInput } from '../../shared/contract';
import type { PromiseDetail, PromiseRow, SessionView, UserView } from '../../shared/contract-promises';
import type { Role } from '../../shared/rules/roles';
import type { CheckResult } from '../../shared/schemas/check';
import { HandlerError } from '../../main/handlers/errors';
import type { PromiseChannel, PromisesBackend } from './fake-ports';
import { fakeBackend } from './fake-backend';
/** As fake-backend.ts's FAKE_AS_OF (not imported at load: fake-backend imports this file). */
const FAKE_AS_OF = '2026-03-02';

export const FAKE_PASS: Record<string, string> = { 'Ada Admin': 'ada pass 1234', 'Sam Sales': 'sam pass 1234', 'Otto Ops': 'otto pass 1234' };

interface FakePromise {
  row: PromiseRow;
  result: CheckResult;
  submittedBy: string | null;
  needs: ('operations' | 'manager')[];
  approvals: PromiseDetail['approvals'];
  events: PromiseDetail['events'];
}

const AT = `${FAKE_AS_OF}T09:00:00.000Z`;
const req = (customer: string, qty: number, price = '120') => ({ customer, region: 'DE', lines: [{ sku: 'PUMP-100', qty, requested_date: '2026-03-20', unit_price: price }] });

async function resultOf(request: unknown): Promise<CheckResult> {
  const c = await fakeBackend().check(request, FAKE_AS_OF);
  if (!c.ok) throw new Error('fake request refused');
  return c.result;
}

function row(id: string, status: PromiseRow['status'], result: CheckResult, by: string): PromiseRow {
  return {
    id,
    status,
    customer: result.customer,
    region: result.region,
    mode: result.mode,
    currency: 'EUR',
    check_status: result.status,
    created_at: AT,
    created_by: by,
    submitted_at: status === 'awaiting_approval' ? AT : null,
    confirmed_at: status === 'confirmed' ? AT : null,
    hold_expires_at: status === 'awaiting_approval' ? '2026-03-05T09:00:00.000Z' : null,
    at_risk: false,
    risk_reasons: [],
    revenue: result.lines[0]!.plans[0]!.revenue,
    lines: result.lines.map((l) => ({ sku: l.sku, name: l.name, qty: l.qty, requested_date: l.requested_date, delivery_date: l.requested_date })),
  };
}

export interface FakePromisesOptions {
  /** No users: single-user mode. */
  singleUser?: boolean;
  /** Signed in from the start as this user. */
  signedIn?: string;
}

export function fakePromises(opts: FakePromisesOptions = {}): PromisesBackend & { calls: { channel: PromiseChannel; input: unknown }[] } {
  const calls: { channel: PromiseChannel; input: unknown }[] = [];
  const users = new Map<string, UserView>(
    opts.singleUser
      ? []
      : [
          ['Ada Admin', 'admin'],
          ['Sam Sales', 'sales'],
          ['Otto Ops', 'operations'],
        ].map(([name, role]) => [name!, { name: name!, role: role as Role, disabled: false, fingerprint: '0123456789abcdef', created_at: AT }]),
  );
  let current: string | null = opts.signedIn ?? null;
  let failures = 0;
  let seq = 3;
  const promises = new Map<string, FakePromise>();
  // The fake plant's checks are async: the fixtures are made on the first call.
  const ready = (async () => {
    const over = await resultOf(req('Acme', 150));
    const margin = { ...(await resultOf(req('Bolt AG', 40, '100'))), status: 'needs_approval' as const };
    const fine = await resultOf(req('Corex', 40));
    const first = (user: string, to: PromiseRow['status']) => [{ at: AT, user, from: null, to, comment: null }];
    promises.set('P-000001', { row: row('P-000001', 'awaiting_approval', over, 'Sam Sales'), result: over, submittedBy: 'Sam Sales', needs: ['operations'], approvals: [], events: first('Sam Sales', 'awaiting_approval') });
    promises.set('P-000002', { row: row('P-000002', 'awaiting_approval', margin, 'Sam Sales'), result: margin, submittedBy: 'Sam Sales', needs: ['manager'], approvals: [], events: first('Sam Sales', 'awaiting_approval') });
    promises.set('P-000003', { row: row('P-000003', 'confirmed', fine, 'Sam Sales'), result: fine, submittedBy: null, needs: [], approvals: [], events: first('Sam Sales', 'confirmed') });
  })();

  const me = () => (users.size === 0 ? { name: 'local', role: 'admin' as Role } : current ? users.get(current)! : null);
  const actor = () => {
    const a = me();
    if (!a) throw new HandlerError('unauthenticated', 'Sign in first.');
    return a;
  };
  const view = (): SessionView => {
    const a = me();
    const r = a?.role;
    return {
      mode: users.size === 0 ? 'single_user' : a ? 'signed_in' : 'signed_out',
      user: a ? { name: a.name, role: a.role } : null,
      idle_minutes: 15,
      may: { administer_users: r === 'admin', edit_operations: r === 'admin' || r === 'operations', fulfil: r === 'admin' || r === 'operations', approve_for: r === 'admin' ? ['operations', 'manager'] : r === 'operations' || r === 'manager' ? [r] : [] },
    };
  };
  const due = (p: FakePromise) => {
    const a = me();
    if (!a || p.row.status !== 'awaiting_approval' || a.name === p.submittedBy) return [];
    return p.needs.filter((n) => a.role === 'admin' || a.role === n);
  };
  const get = (id: string) => {
    const p = promises.get(id);
    if (!p) throw new HandlerError('not_found', `There is no promise ${id}.`);
    return p;
  };
  const add = async (request: unknown, status: 'draft' | 'confirmed' | 'awaiting_approval') => {
    const result = await resultOf(request);
    const id = `P-${String(++seq).padStart(6, '0')}`;
    const by = actor().name;
    promises.set(id, { row: row(id, status, result, by), result, submittedBy: status === 'awaiting_approval' ? by : null, needs: status === 'awaiting_approval' ? ['operations'] : [], approvals: [], events: [{ at: AT, user: by, from: null, to: status, comment: null }] });
    return id;
  };

  const answers: { [C in PromiseChannel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> } = {
    'session:get': () => view(),
    'session:signin': (i) => {
      const u = users.get(i.name);
      if (failures >= 3) return { signed_in: false, problem: 'throttled', message: `Too many sign-in attempts for ${i.name}: wait 2 s before trying again.`, retry_after_s: 2, tries_left: null };
      if (!u || FAKE_PASS[i.name] !== i.passphrase) {
        failures++;
        return failures >= 3
          ? { signed_in: false, problem: 'wrong', message: 'The name or passphrase is not correct. After repeated wrong passphrases, wait 2 s before the next try.', retry_after_s: 2, tries_left: null }
          : { signed_in: false, problem: 'wrong', message: 'The name or passphrase is not correct.', retry_after_s: null, tries_left: 3 - failures };
      }
      if (u.disabled) return { signed_in: false, problem: 'disabled', message: `${u.name} is disabled and can no longer sign in; ask an admin.`, retry_after_s: null, tries_left: null };
      failures = 0;
      current = u.name;
      return { signed_in: true, session: view() };
    },
    'session:signout': () => {
      current = null;
      return view();
    },
    'users:list': () => [...users.values()],
    'users:add': (i) => {
      if (users.size > 0 && actor().role !== 'admin') throw new HandlerError('forbidden', 'Only an admin may add users.');
      if (users.has(i.name)) throw new HandlerError('refused', `A user named ${i.name} exists already.`);
      const u = { name: i.name, role: i.role, disabled: false, fingerprint: 'fedcba9876543210', created_at: AT };
      users.set(i.name, u);
      FAKE_PASS[i.name] = i.passphrase;
      if (users.size === 1) current = i.name;
      return u;
    },
    'users:disable': (i) => {
      if (actor().role !== 'admin') throw new HandlerError('forbidden', 'Only an admin may disable users.');
      const u = users.get(i.name);
      if (!u) throw new HandlerError('not_found', `No user named ${i.name}.`);
      u.disabled = i.disabled ?? true;
      return u;
    },
    'users:role': (i) => {
      if (actor().role !== 'admin') throw new HandlerError('forbidden', 'Only an admin may change roles.');
      const u = users.get(i.name);
      if (!u) throw new HandlerError('not_found', `No user named ${i.name}.`);
      u.role = i.role;
      return u;
    },
    'users:passphrase': (i) => ({ user: users.get(i.name)!, new_key: i.name !== actor().name }),
    'promises:draft': async (i) => ({ done: true, id: await add(i.request, 'draft'), status: 'draft', message: 'Saved as a draft.' }),
    'promises:confirm': async (i) => {
      const id = await add(i.request, 'confirmed');
      return { done: true, id, status: 'confirmed', message: `Confirmed ${id}.` };
    },
    'promises:submit': async (i) => {
      const id = await add(i.request, 'awaiting_approval');
      return { done: true, id, status: 'awaiting_approval', message: `Submitted ${id} for approval by operations.` };
    },
    'promises:approve': (i) => {
      const p = get(i.id);
      const roles = due(p);
      if (roles.length === 0) return { done: false, kind: 'not_needed', message: `${i.id} needs a decision by ${p.needs.join(' and ')}; ${actor().name} (${actor().role}) cannot approve it.` };
      p.approvals.push({ role: actor().role, user: actor().name, at: AT, comment: i.comment ?? null, decision: 'approved' });
      p.row.status = 'confirmed';
      p.events.push({ at: AT, user: actor().name, from: 'awaiting_approval', to: 'confirmed', comment: i.comment ?? null });
      return { done: true, id: i.id, status: 'confirmed', message: `Approved and confirmed ${i.id}.` };
    },
    'promises:reject': (i) => {
      const p = get(i.id);
      if (due(p).length === 0) return { done: false, kind: 'not_needed', message: `${actor().name} cannot reject ${i.id}.` };
      p.row.status = 'rejected';
      p.approvals.push({ role: actor().role, user: actor().name, at: AT, comment: i.comment, decision: 'rejected' });
      return { done: true, id: i.id, status: 'rejected', message: `Rejected ${i.id}.` };
    },
    'promises:cancel': (i) => {
      get(i.id).row.status = 'cancelled';
      return { done: true, id: i.id, status: 'cancelled', message: `Cancelled ${i.id}.` };
    },
    'promises:fulfil': (i) => {
      if (!view().may.fulfil) return { done: false, kind: 'forbidden', message: 'Only operations mark promises fulfilled.' };
      get(i.id).row.status = 'fulfilled';
      return { done: true, id: i.id, status: 'fulfilled', message: `Fulfilled ${i.id}.` };
    },
    'promises:list': (i) => {
      const rows = [...promises.values()]
        .map((p) => p.row)
        .filter((r) => (!i?.status?.length || i.status.includes(r.status)) && (!i?.customer || r.customer.toLowerCase().includes(i.customer.toLowerCase())) && (!i?.product || r.lines.some((l) => l.sku === i.product)));
      return { promises: rows, total: rows.length };
    },
    'promises:get': (i) => {
      const p = get(i.id);
      const d = due(p).length > 0;
      return {
        ...p.row,
        result: p.result,
        holds: [],
        approvals: p.approvals,
        events: p.events,
        approvals_needed: p.needs,
        approvals_missing: p.row.status === 'awaiting_approval' ? p.needs : [],
        summaries: p.row.status === 'confirmed' ? [{ copy: 'customer', code: 'ABCD-EFGH-2345', signed_by: p.row.created_by, signed_at: AT }] : [],
        actions: { confirm: false, submit: false, approve: d, reject: d, cancel: p.row.status === 'confirmed', fulfil: p.row.status === 'confirmed' && view().may.fulfil, export: p.row.status === 'confirmed' || p.row.status === 'fulfilled' },
      };
    },
    'approvals:queue': () =>
      [...promises.values()]
        .filter((p) => due(p).length > 0)
        .map((p) => ({ ...p.row, submitted_by: p.submittedBy, missing: p.needs, approve_as: me()!.role === 'admin' ? 'admin' : due(p)[0]!, reasons: p.result.lines.flatMap((l) => l.reasons) })),
    'approvals:count': () => ({ count: [...promises.values()].filter((p) => due(p).length > 0).length }),
    'summary:export': (i) => ({ name: `${i.id}-${i.copy}.${i.format}`, media_type: i.format === 'pdf' ? 'application/pdf' : 'application/json', base64: Buffer.from('{"summary":{},"signatures":[]}').toString('base64') }),
    'summary:save': () => null,
    'summary:verify': (i) => {
      const text = Buffer.from(i.base64, 'base64').toString('utf8');
      type Doc = { summary?: { promise_id?: string; copy?: 'customer' | 'internal'; customer?: string } };
      const doc = ((): Doc | null => {
        try {
          return JSON.parse(text) as Doc;
        } catch {
          return null;
        }
      })();
      if (!doc?.summary) return { intact: false, message: 'unreadable: the file is neither a PDF nor JSON', problem: 'unreadable', code: null, promise_id: null, copy: null, customer: null, signatures: [], status: null, content: null };
      return {
        intact: true,
        message: 'intact: signed by Otto Ops (operations) on 2026-03-02',
        problem: null,
        code: 'ABCD-EFGH-2345',
        promise_id: doc.summary.promise_id ?? 'P-000001',
        copy: doc.summary.copy ?? 'customer',
        customer: doc.summary.customer ?? 'Acme',
        signatures: [{ signer: 'Otto Ops', role: 'operations', signed_at: AT }],
        status: 'cancelled',
        content: {
          region: 'DE',
          mode: 'standard',
          as_of: '2026-03-02',
          confirmed_at: AT,
          currency: 'EUR',
          lines: [{ sku: 'PUMP-100', name: 'Pump 100', unit: 'pcs', qty: 500, unit_price: '12.4050', deliveries: [{ date: '2026-03-20', qty: 500 }] }],
        },
      };
    },
  };

  return {
    calls,
    async run(channel, input) {
      calls.push({ channel, input });
      await ready;
      return (await (answers[channel] as (i: unknown) => unknown)(input)) as never;
    },
  };
}
