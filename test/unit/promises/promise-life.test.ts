/** Every transition of a promise and every refusal (`promises.md`, Life of a promise). */
import { describe, expect, it } from 'vitest';
import { exportSummary, verifySummary } from '../../../main/services/summary-service';
import type { Outcome } from '../../../main/services/promise-service';
import { addTeam } from './people';
import { openDesk, request, type Desk } from './plant';

const heldHours = async (d: Desk) => (await d.checks.store.loadOpenHolds()).reduce((s, h) => s + (h.type === 'hours' ? h.regular_e4 + h.overtime_e4 : 0), 0) / 1e4;
function ok(o: Outcome): Extract<Outcome, { ok: true }> {
  if (!o.ok) throw new Error(`refused (${o.kind}): ${o.message}`);
  return o;
}

describe('single-user mode', () => {
  it('allows everything as local and signs with the installation key', async () => {
    const d = await openDesk();
    const local = await d.people.localActor();
    expect(local).toMatchObject({ name: 'local', role: 'admin' });
    const c = ok(await d.promises.confirm(local, { request: request(8) }));
    expect(c.status).toBe('confirmed');
    expect(await heldHours(d)).toBe(8);
    const p = (await d.promises.get(c.id))!;
    expect(p.events).toEqual([expect.objectContaining({ user: 'local', from: null, to: 'confirmed' })]);
    const json = await exportSummary(d.promises, c.id, 'internal', 'json');
    if (!json.ok) throw new Error(json.message);
    expect((await verifySummary(d.people, json.bytes)).message).toBe('intact: signed by local (admin) on 2026-03-02');
    // The installation key stays known once users exist.
    await addTeam(d);
    expect((await verifySummary(d.people, json.bytes)).message).toBe('intact: signed by local (admin) on 2026-03-02');
    await expect(d.people.localActor()).rejects.toThrow(/users exist/);
    await d.close();
  });
});

describe('draft, confirm and submit', () => {
  it('a check needs no customer; confirming, submitting and saving a draft name the customer field', async () => {
    const d = await openDesk();
    const local = await d.people.localActor();
    const anonymous = { ...request(8), customer: '' };
    expect(await d.checks.check(anonymous)).toMatchObject({ ok: true, result: { status: 'ok', customer: '' } });
    const { customer: _left, ...without } = request(8);
    expect(await d.checks.check(without)).toMatchObject({ ok: true });
    for (const o of [await d.promises.saveDraft(local, anonymous), await d.promises.confirm(local, { request: anonymous }), await d.promises.submit(local, { request: without })]) {
      expect(o).toMatchObject({ ok: false, kind: 'request', issues: [{ path: 'customer', message: expect.stringMatching(/^is required to confirm, submit or save/) }] });
    }
    expect(await d.checks.store.loadOpenHolds()).toEqual([]);
    await d.close();
  });

  it('a draft holds nothing; confirming it re-checks and holds', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const draft = ok(await d.promises.saveDraft(t.sales, request(8)));
    expect(draft.status).toBe('draft');
    expect(await heldHours(d)).toBe(0);
    ok(await d.promises.confirm(t.sales, { draftId: draft.id }));
    expect(await heldHours(d)).toBe(8);
    const p = (await d.promises.get(draft.id))!;
    expect(p.events.map((e) => [e.from, e.to, e.user])).toEqual([[null, 'draft', 'Sam Sales'], ['draft', 'confirmed', 'Sam Sales']]);
    expect(await d.promises.confirm(t.sales, { draftId: draft.id })).toMatchObject({ ok: false, kind: 'wrong_state' });
    await d.close();
  });

  it('confirm takes only an ok check; submit only one that needs approval', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const needs = await d.promises.confirm(t.sales, { request: request(20) });
    expect(needs).toMatchObject({ ok: false, kind: 'not_ok' });
    expect(needs.ok ? '' : needs.message).toMatch(/needs approval.*submit it for approval instead[\s\S]*needs_overtime/);
    expect(await d.promises.confirm(t.sales, { request: request(30) })).toMatchObject({ ok: false, kind: 'not_ok' });
    expect(await d.promises.submit(t.sales, { request: request(8) })).toMatchObject({ ok: false, kind: 'not_needs_approval' });
    expect(await d.promises.submit(t.sales, { request: request(30) })).toMatchObject({ ok: false, kind: 'not_needs_approval' });
    expect(await d.promises.confirm(t.sales, { request: { ...request(8), region: 'XX' } })).toMatchObject({ ok: false, kind: 'request' });
    expect(await d.promises.list()).toEqual([]);
    expect(await heldHours(d)).toBe(0);
    await d.close();
  });

  it('submit holds for hold_days and asks operations for a capacity reason', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(20) }));
    expect(s.status).toBe('awaiting_approval');
    expect(s.message).toMatch(/approval by operations/);
    expect(await heldHours(d)).toBe(20);
    const p = (await d.promises.get(s.id))!;
    expect(p.holdExpiresAt).toBe('2026-03-05T08:00:00.000Z');
    expect(await d.promises.approve(t.sales2, s.id)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await d.promises.approve(t.manager, s.id)).toMatchObject({ ok: false, kind: 'not_needed' });
    const a = ok(await d.promises.approve(t.ops, s.id, 'overtime is fine'));
    expect(a.status).toBe('confirmed');
    expect(await heldHours(d)).toBe(20);
    const after = (await d.promises.get(s.id))!;
    expect(after.events.at(-1)).toMatchObject({ user: 'Otto Ops', from: 'awaiting_approval', to: 'confirmed', comment: 'overtime is fine' });
    expect(after.approvals).toEqual([expect.objectContaining({ role: 'operations', approvedBy: 'Otto Ops', decision: 'approved' })]);
    expect(await d.promises.approve(t.ops, s.id)).toMatchObject({ ok: false, kind: 'wrong_state' });
    await d.close();
  });
});

describe('approval', () => {
  it('no one approves what they submitted', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.ops, { request: request(20) }));
    expect(await d.promises.approve(t.ops, s.id)).toMatchObject({ ok: false, kind: 'own_submission' });
    await d.close();
  });

  it('needing two roles: each approves once, the last one confirms and signs', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(20, '85') }));
    expect(s.message).toMatch(/operations and a manager/);
    const first = ok(await d.promises.approve(t.ops, s.id, 'ok on overtime'));
    expect(first).toMatchObject({ status: 'awaiting_approval' });
    expect(first.message).toMatch(/still needs manager/);
    expect(await d.promises.approve(t.ops, s.id)).toMatchObject({ ok: false, kind: 'already_approved' });
    expect(await exportSummary(d.promises, s.id, 'customer', 'json')).toMatchObject({ ok: false, kind: 'wrong_state' });
    ok(await d.promises.approve(t.manager, s.id, 'strategic customer'));
    const p = (await d.promises.get(s.id))!;
    expect(p.status).toBe('confirmed');
    const json = await exportSummary(d.promises, s.id, 'internal', 'json');
    if (!json.ok) throw new Error(json.message);
    const doc = JSON.parse(json.bytes.toString());
    expect(doc.summary.approvals.map((a: { user: string; role: string; comment: string }) => [a.user, a.role, a.comment])).toEqual([
      ['Otto Ops', 'operations', 'ok on overtime'],
      ['Mia Manager', 'manager', 'strategic customer'],
    ]);
    expect(doc.summary.reasons.map((r: { code: string }) => r.code)).toEqual(['needs_overtime', 'discount_above_limit']);
    expect((await verifySummary(d.people, json.bytes)).message).toBe('intact: signed by Mia Manager (manager) on 2026-03-02');
    await d.close();
  });

  it('an admin approval covers every role', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(20, '85') }));
    expect(ok(await d.promises.approve(t.admin, s.id)).status).toBe('confirmed');
    await d.close();
  });

  it('refuses with the reasons when the promise no longer fits', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(20) }));
    // Two days later Monday and Tuesday are gone: nothing can be made in time any more.
    d.clock.advanceHours(47);
    const r = await d.promises.approve(t.ops, s.id);
    expect(r).toMatchObject({ ok: false, kind: 'no_longer_fits' });
    expect(r.ok ? '' : r.message).toMatch(/no longer fits as of 2026-03-04/);
    expect((await d.promises.get(s.id))!.status).toBe('awaiting_approval');
    await d.close();
  });

  it('refuses a check that now needs an approval it was not submitted for', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(10, '85') }));
    // Tomorrow only Tuesday is left: 10 units need overtime now, which operations were never asked.
    d.clock.advanceHours(24);
    const r = await d.promises.approve(t.manager, s.id);
    expect(r).toMatchObject({ ok: false, kind: 'no_longer_fits' });
    expect(r.ok ? '' : r.message).toMatch(/now also needs approval for needs_overtime/);
    await d.close();
  });

  it('reject needs a comment and a role the promise needs, and releases the holds', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(8, '85') }));
    expect(await heldHours(d)).toBe(8);
    expect(await d.promises.reject(t.manager, s.id, '  ')).toMatchObject({ ok: false, kind: 'comment_required' });
    expect(await d.promises.reject(t.ops, s.id, 'no')).toMatchObject({ ok: false, kind: 'not_needed' });
    ok(await d.promises.reject(t.manager, s.id, 'price too low'));
    const p = (await d.promises.get(s.id))!;
    expect(p.status).toBe('rejected');
    expect(p.events.at(-1)).toMatchObject({ from: 'awaiting_approval', to: 'rejected', user: 'Mia Manager', comment: 'price too low' });
    expect(p.approvals).toEqual([expect.objectContaining({ role: 'manager', decision: 'rejected', comment: 'price too low' })]);
    expect(await heldHours(d)).toBe(0);
    expect(await d.promises.approve(t.manager, s.id)).toMatchObject({ ok: false, kind: 'wrong_state' });
    await d.close();
  });
});

describe('holds that expire', () => {
  it('expire hold_days × 24 h after submission, released with no user action', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(20) }));
    d.clock.advanceHours(72);
    d.clock.t -= 1;
    expect((await d.promises.get(s.id))!.status).toBe('awaiting_approval');
    d.clock.t += 1;
    const p = (await d.promises.get(s.id))!;
    expect(p.status).toBe('expired');
    expect(p.events.at(-1)).toMatchObject({ from: 'awaiting_approval', to: 'expired' });
    expect(await heldHours(d)).toBe(0);
    expect(await d.promises.approve(t.ops, s.id)).toMatchObject({ ok: false, kind: 'wrong_state', message: `${s.id} is expired, not awaiting approval.` });
    await d.close();
  });

  it('are released when the database is opened after expiry', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const s = ok(await d.promises.submit(t.sales, { request: request(20) }));
    await d.close();
    d.clock.advanceHours(73);
    const again = await openDesk(d.clock, d.path);
    const rows = await again.checks.store.listPromises({ status: 'expired' });
    expect(rows.map((r) => r.id)).toEqual([s.id]);
    await again.close();
  });
});

describe('cancel and fulfil', () => {
  it('sales cancel only their own; operations and managers any; holds are released', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const a = ok(await d.promises.confirm(t.sales, { request: request(4) }));
    const b = ok(await d.promises.confirm(t.sales, { request: request(4) }));
    const c = ok(await d.promises.submit(t.sales, { request: request(10, '85') }));
    expect(await d.promises.cancel(t.sales2, a.id)).toMatchObject({ ok: false, kind: 'forbidden' });
    ok(await d.promises.cancel(t.sales, a.id, 'customer withdrew'));
    ok(await d.promises.cancel(t.manager, b.id));
    ok(await d.promises.cancel(t.ops, c.id));
    expect(await heldHours(d)).toBe(0);
    expect((await d.promises.get(a.id))!.events.at(-1)).toMatchObject({ from: 'confirmed', to: 'cancelled', user: 'Sam Sales', comment: 'customer withdrew' });
    expect(await d.promises.cancel(t.ops, a.id)).toMatchObject({ ok: false, kind: 'wrong_state' });
    expect(await d.promises.cancel(t.ops, 'P-999999')).toMatchObject({ ok: false, kind: 'not_found' });
    await d.close();
  });

  it('only operations fulfil, only a confirmed promise; it can still be exported', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const a = ok(await d.promises.confirm(t.sales, { request: request(8) }));
    expect(await d.promises.fulfil(t.sales, a.id)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await d.promises.fulfil(t.manager, a.id)).toMatchObject({ ok: false, kind: 'forbidden' });
    ok(await d.promises.fulfil(t.ops, a.id));
    expect(await heldHours(d)).toBe(0);
    expect(await d.promises.fulfil(t.ops, a.id)).toMatchObject({ ok: false, kind: 'wrong_state' });
    expect(await d.promises.cancel(t.ops, a.id)).toMatchObject({ ok: false, kind: 'wrong_state' });
    const pdf = await exportSummary(d.promises, a.id, 'customer', 'pdf');
    if (!pdf.ok) throw new Error(pdf.message);
    expect((await verifySummary(d.people, pdf.bytes)).message).toBe('intact: signed by Sam Sales (sales) on 2026-03-02');
    await d.close();
  });
});
