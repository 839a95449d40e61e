import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAtRisk, listAtRisk } from '../../../main/services/at-risk-service';
import { PromiseService } from '../../../main/services/promise-service';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { rowToCells } from '../../../shared/edits/cells';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
const ops = { name: 'olga', role: 'operations' as const };
let h: Harness;
let a: string;
let b: string;

/** Two promises for 8 FG each (by Wednesday, by Friday), then M8's calendar cut to 6 h: B is at risk. */
beforeEach(async () => {
  h = await openHarness(dir);
  const ca = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
  const cb = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
  if (!ca.ok || !cb.ok) throw new Error('setup: both promises should be confirmed');
  a = ca.id;
  b = cb.id;
  const wd8 = (await h.checks.loadPlant())!.workbook.calendars[0]!;
  const cells = { ...rowToCells('calendars', wd8), mon: '6', tue: '6', wed: '6', thu: '6', fri: '6' };
  const r = await saveTableEdits(h, ops, (await h.store.dataVersion())!, [{ table: 'calendars', updates: [{ index: 0, cells }], inserts: [], deletes: [] }], { asOf: AS_OF });
  if (!r.ok || r.atRisk.join() !== b) throw new Error('setup: B should be at risk');
});
afterEach(() => h.close());

describe('promises at risk', () => {
  it('lists the at-risk promise with its reasons and what was promised', async () => {
    expect(await countAtRisk(h)).toBe(1);
    const list = await listAtRisk(h);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: b, status: 'confirmed', customer: 'Acme GmbH', lines: [{ sku: 'FG', qty: 8, requested_date: '2026-03-06', unit_price: '100' }] });
    expect(list[0]!.reasons[0]!.code).toBe('capacity_short');
  });

  it('re-checks new dates with its own holds released, holding nothing', async () => {
    const dump = await h.store.dump();
    const r = await h.promises.recheck(b, [{ sku: 'FG', qty: 8, requested_date: '2026-03-09', unit_price: '100' }], AS_OF);
    expect(r.ok && r.result.status).toBe('ok');
    expect(await h.store.dump()).toBe(dump);
  });

  it('re-promises: the new promise is confirmed and the old one cancelled, naming each other', async () => {
    const heldBefore = (await h.store.getPromise(b))!.holds;
    const v = await h.store.holdsVersion();
    const r = await h.promises.repromise(ops, b, [{ sku: 'FG', qty: 7, requested_date: '2026-03-06', unit_price: '100' }], { asOf: AS_OF });
    expect(r).toMatchObject({ ok: true, replaces: b });
    if (!r.ok) return;
    // Followers hear both: what the new promise holds and what the old one gave back.
    expect((await h.store.holdChangesSince(v))?.changes).toEqual([{ version: v + 1, added: (await h.store.getPromise(r.id))!.holds, released: heldBefore }]);
    const old = (await h.store.getPromise(b))!;
    expect(old).toMatchObject({ status: 'cancelled', atRisk: false, holds: [] });
    expect(old.events.at(-1)).toMatchObject({ user: 'olga', from: 'confirmed', to: 'cancelled', comment: `re-promised as ${r.id}` });
    const fresh = (await h.store.getPromise(r.id))!;
    expect(fresh).toMatchObject({ status: 'confirmed', atRisk: false, createdBy: 'olga' });
    expect(fresh.events[0]!.comment).toBe(`re-promise of ${b}`);
    expect(fresh.request.lines[0]!.qty).toBe(7);
    expect(fresh.holds.length).toBeGreaterThan(0);
    expect(await countAtRisk(h)).toBe(0);
    // A was untouched.
    expect((await h.store.getPromise(a))!.status).toBe('confirmed');
  });

  it('submits a re-promise that needs approval when asked to, holding it for hold_days; never without asking', async () => {
    const lines = [{ sku: 'FG', qty: 7, requested_date: '2026-03-06', unit_price: '50' }]; // half the list price: a manager must approve
    const dump = await h.store.dump();
    const refused = await h.promises.repromise(ops, b, lines, { asOf: AS_OF });
    expect(refused).toMatchObject({ ok: false, kind: 'not_ok', result: { status: 'needs_approval' } });
    expect(await h.store.dump()).toBe(dump);
    const now = () => new Date('2026-03-04T10:00:00Z');
    const r = await new PromiseService(h.checks, h.promises.people, { ops: h.ops, now }).repromise(ops, b, lines, { asOf: AS_OF, submit: true });
    expect(r).toMatchObject({ ok: true, replaces: b, status: 'awaiting_approval' });
    if (!r.ok) return;
    const fresh = (await h.store.getPromise(r.id))!;
    expect(fresh).toMatchObject({ status: 'awaiting_approval', createdBy: 'olga' });
    expect(fresh.holdExpiresAt).toBe('2026-03-07T10:00:00.000Z');
    expect(fresh.holds.length).toBeGreaterThan(0);
    expect((await h.store.getPromise(b))!.status).toBe('cancelled');
  });

  it('does not re-promise what still does not fit, and changes nothing', async () => {
    const dump = await h.store.dump();
    const r = await h.promises.repromise(ops, b, [{ sku: 'FG', qty: 8, requested_date: '2026-03-06', unit_price: '100' }], { asOf: AS_OF });
    expect(r).toMatchObject({ ok: false, kind: 'not_ok', result: { status: 'not_feasible' } });
    expect(await h.store.dump()).toBe(dump);
  });

  it('cancels, releasing the holds; a salesperson may cancel only their own', async () => {
    const dump = await h.store.dump();
    const forbidden = { ok: false, kind: 'forbidden', message: expect.stringMatching(/^sam \(sales\) may not cancel this promise/) };
    expect(await h.promises.cancel({ name: 'sam', role: 'sales' }, b, null)).toEqual(forbidden);
    expect(await h.promises.repromise({ name: 'sam', role: 'sales' }, b, [{ sku: 'FG', qty: 7, requested_date: '2026-03-06', unit_price: '100' }], { asOf: AS_OF })).toEqual(forbidden);
    expect(await h.store.dump()).toBe(dump);
    expect(await h.promises.cancel({ name: 'local', role: 'sales' }, b, 'customer agreed')).toMatchObject({ ok: true, id: b, status: 'cancelled' });
    expect((await h.store.getPromise(b))!).toMatchObject({ status: 'cancelled', holds: [] });
    expect(await listAtRisk(h)).toEqual([]);
  });

  it('signs the new promise’s summaries when re-promised through the app, as every confirmation is', async () => {
    const { dispatch } = await import('../../../main/handlers/dispatch');
    const { contextOn } = await import('../../support/desk');
    const people = h.store.people;
    const local = await h.people.localActor();
    const answer = await dispatch('risk:repromise', { id: b, lines: [{ sku: 'FG', qty: 7, requested_date: '2026-03-06', unit_price: '100' }], asOf: AS_OF }, contextOn(h, { actor: async () => local }));
    if (!answer.ok) throw new Error(answer.error.message);
    const r = answer.value as { confirmed: true; id: string; replaces: string } | { confirmed: false };
    expect(r).toMatchObject({ confirmed: true, replaces: b });
    if (!r.confirmed) return;
    for (const copy of ['customer', 'internal'] as const) {
      const row = await people.getSummary(r.id, copy);
      expect(row?.signedBy).toBe('local');
      expect(JSON.parse(row!.json).summary).toMatchObject({ promise_id: r.id, copy });
    }
  });
});
