/**
 * The people and promise channels over the real services and a real database: who acts comes
 * from the main process's session, never from the payload; a sales session cannot approve or
 * fulfil; the session ends on sign-out, when idle, and when its user is disabled.
 */
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelResult, Input } from '../../../shared/contract';
import { dispatch } from '../../../main/handlers/dispatch';
import { DeskSession } from '../../../main/session/desk-session';
import { contextOn } from '../../support/desk';
import { addTeam, PASS } from './people';
import { openDesk, request, type Desk } from './plant';

async function setup(opts: { team?: boolean } = {}) {
  const desk = await openDesk();
  if (opts.team !== false) await addTeam(desk);
  const session = new DeskSession(desk.people, { idleMinutes: 15, clock: () => desk.clock.t });
  const ctx = contextOn(desk, { session });
  const call = async <C extends Channel>(channel: C, payload?: Input<C>) => (await dispatch(channel, payload, ctx)) as ChannelResult<C>;
  const value = async <C extends Channel>(channel: C, payload?: Input<C>) => {
    const r = await call(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const signIn = async (name: string, passphrase: string) => {
    const r = await value('session:signin', { name, passphrase });
    expect(r.signed_in).toBe(true);
  };
  return { desk, session, call, value, signIn };
}

async function submitAsSam(t: Awaited<ReturnType<typeof setup>>): Promise<string> {
  await t.signIn('Sam Sales', PASS.sales);
  const s = await t.value('promises:submit', { request: request(20) });
  if (!s.done) throw new Error(s.message);
  expect(s.status).toBe('awaiting_approval');
  return s.id;
}

const close = (d: Desk) => d.close();

describe('the session decides who acts', () => {
  it('refuses changes while nobody is signed in, and says to sign in', async () => {
    const t = await setup();
    expect(await t.value('session:get')).toMatchObject({ mode: 'signed_out', user: null });
    const r = await t.call('promises:confirm', { request: request(4) });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // Reading needs no user.
    expect(await t.value('promises:list')).toEqual({ promises: [], total: 0 });
    await close(t.desk);
  });

  it('a sales session cannot approve or fulfil', async () => {
    const t = await setup();
    const id = await submitAsSam(t);
    await t.value('session:signout');
    await t.signIn('Sue Sales', PASS.sales2);
    const a = await t.value('promises:approve', { id });
    expect(a).toMatchObject({ done: false, kind: 'forbidden', message: 'Sue Sales (sales) may not approve or reject promises (operations, managers and admins only).' });
    expect((await t.value('promises:get', { id })).actions).toMatchObject({ approve: false, reject: false, fulfil: false });
    expect(await t.value('approvals:queue')).toEqual([]);

    const c = await t.value('promises:confirm', { request: request(4, '100', '2026-03-10') });
    if (!c.done) throw new Error(c.message);
    expect(await t.value('promises:fulfil', { id: c.id })).toMatchObject({ done: false, kind: 'forbidden' });
    expect((await t.value('promises:get', { id: c.id })).status).toBe('confirmed');
    await close(t.desk);
  });

  it('takes the role from the session, never from the payload', async () => {
    const t = await setup();
    const id = await submitAsSam(t);
    await t.value('session:signout');
    await t.signIn('Sue Sales', PASS.sales2);
    for (const payload of [{ id, role: 'operations' }, { id, user: 'Otto Ops' }, { id, actor: { name: 'Otto Ops', role: 'admin' } }]) {
      const r = await t.call('promises:approve', payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect((await t.value('promises:get', { id })).status).toBe('awaiting_approval');
    // An admin makes Sue operations: her session acts with the new role at once.
    const admin = await t.desk.people.signIn('Ada Admin', PASS.admin);
    await t.desk.people.setRole(admin, 'Sue Sales', 'operations');
    expect(await t.value('session:get')).toMatchObject({ user: { name: 'Sue Sales', role: 'operations' }, may: { approve_for: ['operations'], fulfil: true } });
    expect(await t.value('approvals:count')).toEqual({ count: 1 });
    const a = await t.value('promises:approve', { id, comment: 'overtime booked' });
    expect(a).toMatchObject({ done: true, status: 'confirmed' });
    await close(t.desk);
  });

  it("a request's view of the session reads the user once; sign-out and a new role apply from the next request", async () => {
    const t = await setup();
    await t.signIn('Sue Sales', PASS.sales2);
    const reads: string[] = [];
    const getUser = t.desk.people.store.getUser.bind(t.desk.people.store);
    t.desk.people.store.getUser = (name) => (reads.push(name), getUser(name));
    const view = t.session.forRequest();
    expect(await view.whoever(false)).toMatchObject({ name: 'Sue Sales', role: 'sales' });
    expect(await view.actor()).toMatchObject({ name: 'Sue Sales', role: 'sales' });
    expect(await view.whoever()).toMatchObject({ name: 'Sue Sales' });
    expect(reads).toEqual(['Sue Sales']);
    // A new role: the request under way keeps the role it started with, the next one has it.
    const admin = await t.desk.people.signIn('Ada Admin', PASS.admin);
    await t.desk.people.setRole(admin, 'Sue Sales', 'operations');
    expect(await view.actor()).toMatchObject({ role: 'sales' });
    expect(await t.session.forRequest().actor()).toMatchObject({ role: 'operations' });
    // Signing out ends every view of the session at once.
    t.session.signOut();
    expect(await view.whoever(false)).toBeNull();
    await expect(t.session.forRequest().actor()).rejects.toThrow(/Sign in first/);
    await close(t.desk);
  });

  it('operations approve, the summary is signed by them and verifies', async () => {
    const t = await setup();
    const id = await submitAsSam(t);
    expect(await t.value('approvals:queue')).toEqual([]); // not their own submission
    await t.value('session:signout');
    await t.signIn('Otto Ops', PASS.ops);
    const queue = await t.value('approvals:queue');
    expect(queue).toEqual([expect.objectContaining({ id, submitted_by: 'Sam Sales', missing: ['operations'], approve_as: 'operations' })]);
    expect(queue[0]!.reasons.map((r) => r.code)).toContain('needs_overtime');
    expect(await t.value('promises:approve', { id, comment: 'fine' })).toMatchObject({ done: true, status: 'confirmed' });
    const page = await t.value('promises:get', { id });
    expect(page.summaries.map((s) => s.copy).sort()).toEqual(['customer', 'internal']);
    expect(page.summaries[0]!.code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(page.events.map((e) => [e.from, e.to, e.user])).toEqual([[null, 'awaiting_approval', 'Sam Sales'], ['awaiting_approval', 'confirmed', 'Otto Ops']]);
    for (const format of ['json', 'pdf'] as const) {
      const file = await t.value('summary:export', { id, copy: 'customer', format });
      const v = await t.value('summary:verify', { base64: file.base64 });
      expect(v).toMatchObject({ intact: true, message: `intact: signed by Otto Ops (operations) on 2026-03-02; promise ${id} is now confirmed`, promise_id: id, copy: 'customer', status: 'confirmed' });
      expect(v.content!.lines[0]).toMatchObject({ qty: 20, deliveries: [{ qty: 20 }] });
    }
    const tampered = Buffer.from((await t.value('summary:export', { id, copy: 'internal', format: 'json' })).base64, 'base64').toString().replace('"qty": 20', '"qty": 21');
    const bad = await t.value('summary:verify', { base64: Buffer.from(tampered).toString('base64') });
    expect(bad).toMatchObject({ intact: false, problem: 'altered' });
    await close(t.desk);
  });

  it('ends on sign-out, after the idle time, and when the user is disabled', async () => {
    const t = await setup();
    await t.signIn('Sam Sales', PASS.sales);
    await t.value('session:signout');
    expect(await t.call('promises:draft', { request: request(4) })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    await t.signIn('Sam Sales', PASS.sales);
    t.desk.clock.advanceHours(0.2); // 12 minutes: still there, and the draft counts as activity
    expect(await t.value('promises:draft', { request: request(4) })).toMatchObject({ done: true });
    t.desk.clock.advanceHours(0.2);
    expect(await t.value('session:get')).toMatchObject({ mode: 'signed_in' });
    t.desk.clock.advanceHours(0.3); // 18 minutes since the draft
    expect(await t.value('session:get')).toMatchObject({ mode: 'signed_out' });

    await t.signIn('Sam Sales', PASS.sales);
    const admin = await t.desk.people.signIn('Ada Admin', PASS.admin);
    await t.desk.people.disableUser(admin, 'Sam Sales');
    expect(await t.call('promises:draft', { request: request(4) })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await t.value('session:signin', { name: 'Sam Sales', passphrase: PASS.sales })).toMatchObject({ signed_in: false, problem: 'disabled' });
    await close(t.desk);
  });

  it('says the same for an unknown name and a wrong passphrase, and slows down after repeated failures', async () => {
    const t = await setup();
    const unknown = await t.value('session:signin', { name: 'Nobody', passphrase: 'whatever 123' });
    const wrong = await t.value('session:signin', { name: 'Sam Sales', passphrase: 'not it at all' });
    expect(unknown).toMatchObject({ signed_in: false, problem: 'wrong', message: 'The name or passphrase is not correct.' });
    expect(wrong).toMatchObject({ signed_in: false, problem: 'wrong', message: 'The name or passphrase is not correct.', tries_left: 2 });
    await t.value('session:signin', { name: 'Sam Sales', passphrase: 'not it at all' });
    const third = await t.value('session:signin', { name: 'Sam Sales', passphrase: 'not it at all' });
    expect(third).toMatchObject({ signed_in: false, problem: 'wrong', retry_after_s: 2, tries_left: null });
    const waiting = await t.value('session:signin', { name: 'Sam Sales', passphrase: PASS.sales });
    expect(waiting).toMatchObject({ signed_in: false, problem: 'throttled', retry_after_s: 2 });
    t.desk.clock.advanceHours(1 / 1800); // 2 s
    expect(await t.value('session:signin', { name: 'Sam Sales', passphrase: PASS.sales })).toMatchObject({ signed_in: true, session: { user: { name: 'Sam Sales', role: 'sales' } } });
    await close(t.desk);
  });

  it('allows everything as local with no users; the first admin added here is signed in', async () => {
    const t = await setup({ team: false });
    expect(await t.value('session:get')).toMatchObject({ mode: 'single_user', user: { name: 'local', role: 'admin' } });
    expect(await t.value('promises:confirm', { request: request(4) })).toMatchObject({ done: true, status: 'confirmed' });
    expect(await t.call('users:add', { name: 'Bo', role: 'sales', passphrase: 'bo passphrase 1' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await t.call('users:add', { name: 'local', role: 'admin', passphrase: 'ada passphrase 1' })).toMatchObject({ ok: false, error: { code: 'bad_input', issues: [{ path: 'name' }] } });
    expect(await t.value('users:add', { name: 'Ada', role: 'admin', passphrase: 'ada passphrase 1' })).toMatchObject({ name: 'Ada', role: 'admin', disabled: false });
    expect(await t.value('session:get')).toMatchObject({ mode: 'signed_in', user: { name: 'Ada', role: 'admin' }, may: { administer_users: true } });
    expect(await t.value('users:add', { name: 'Bo', role: 'sales', passphrase: 'bo passphrase 1' })).toMatchObject({ name: 'Bo', role: 'sales' });
    await t.value('session:signout');
    await t.signIn('Bo', 'bo passphrase 1');
    expect(await t.call('users:add', { name: 'Cy', role: 'admin', passphrase: 'cy passphrase 1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call('users:role', { name: 'Bo', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await close(t.desk);
  });

  it('lists and filters promises by status, customer, product and dates', async () => {
    const t = await setup();
    await t.signIn('Sam Sales', PASS.sales);
    await t.value('promises:confirm', { request: request(4, '100', '2026-03-04', 'Acme GmbH') });
    await t.value('promises:draft', { request: request(2, '100', '2026-03-10', 'Bäckerei Müller') });
    await t.value('promises:submit', { request: request(20, '100', '2026-03-04', 'Corex') });
    const all = await t.value('promises:list');
    expect(all.total).toBe(3);
    expect(all.promises[0]!.lines[0]).toMatchObject({ sku: 'FG', name: 'Finished good' });
    const ids = async (q: Input<'promises:list'>) => (await t.value('promises:list', q)).promises.map((p) => p.customer).sort();
    expect(await ids({ status: ['confirmed', 'draft'] })).toEqual(['Acme GmbH', 'Bäckerei Müller']);
    expect(await ids({ customer: 'MÜLL' })).toEqual(['Bäckerei Müller']);
    expect(await ids({ product: 'FG' })).toHaveLength(3);
    expect(await ids({ product: 'NOPE' })).toEqual([]);
    expect(await ids({ dates: 'delivery', from: '2026-03-05', to: '2026-03-31' })).toEqual(['Bäckerei Müller']);
    expect(await ids({ dates: 'created', from: '2026-03-02', to: '2026-03-02' })).toHaveLength(3);
    expect(await ids({ dates: 'created', to: '2026-03-01' })).toEqual([]);
    expect(await ids({ at_risk: true })).toEqual([]);
    expect((await t.value('promises:list', { limit: 1 })).total).toBe(3);
    expect(await t.call('promises:get', { id: 'P-999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await close(t.desk);
  });
});
