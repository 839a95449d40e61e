import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdsOf, openPromisesForRevalidation, replaceHolds } from '../../../main/db/revalidation-rows';
import type { Hold } from '../../../shared/engine/types';
import { buildModel, dispatchDatesOf, revalidatePromises, runCheck, validateRequest } from '../../../shared/engine';
import { CAPACITY_REASONS, COMMERCIAL_REASONS } from '../../../shared/rules/reason-groups';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, plant, request } from '../../support/plant';
import { tempDir } from './temp-db';

const dir = tempDir();
let h: Harness;
beforeEach(async () => {
  h = await openHarness(dir);
});
afterEach(() => h.close());

describe('open promises as revalidation reads them', () => {
  it('takes the approved reason codes and the held plans’ dispatch dates out of each stored result, as the engine would', async () => {
    const model = buildModel(plant(), { asOf: AS_OF, dataVersion: (await h.store.dataVersion())! });
    // An ok promise, one of two lines, one that needs approval (a discount above the limit), one not feasible (held on its regular plan).
    const requests = [request(line('FG', 4, '2026-03-04')), request(line('FG', 2, '2026-03-10'), line('FG', 1, '2026-03-05')), request(line('FG', 2, '2026-03-12', '50')), request(line('FG', 400, '2026-03-06'))];
    const stored = [];
    for (const [i, raw] of requests.entries()) {
      const v = validateRequest(model, raw);
      if (!v.ok) throw new Error('bad request');
      const { result, holds } = runCheck(model, v.value);
      const status = result.status === 'ok' ? 'confirmed' : 'awaiting_approval';
      const r = await h.store.recordPromise({ status, request: v.value, result, holds, user: 'a' }, await h.store.holdsVersion());
      if (!r.ok) throw new Error(`promise ${i} refused`);
      stored.push({ id: r.id, result, holds });
    }
    const open = openPromisesForRevalidation(h.store.db);
    expect(open.map((p) => p.id)).toEqual(stored.map((s) => s.id));
    for (const [i, p] of open.entries()) {
      const s = stored[i]!;
      expect(p.dispatchDates).toEqual(dispatchDatesOf(s.result));
      const codes = [...new Set(s.result.lines.flatMap((l) => l.reasons.map((r) => r.code)))].filter((c) => ([...CAPACITY_REASONS, ...COMMERCIAL_REASONS] as string[]).includes(c));
      expect([...p.covered].sort()).toEqual(codes.sort());
      expect(p.holds).toEqual(s.holds);
      expect(p).toMatchObject({ customer: 'Acme GmbH', atRisk: false, riskReasons: [] });
    }
    expect(open[1]!.dispatchDates).toHaveLength(2);
    expect(open[2]!.covered).toContain('discount_above_limit');

    // Hold rows of a promise that is no longer open (written so by hand: the store deletes them)
    // are skipped; the others keep theirs.
    h.store.db.prepare("UPDATE promises SET status = 'cancelled' WHERE id = ?").run(stored[1]!.id);
    const still = openPromisesForRevalidation(h.store.db);
    expect(still.map((p) => p.id)).toEqual([stored[0]!.id, stored[2]!.id, stored[3]!.id]);
    expect(still.map((p) => p.holds)).toEqual([stored[0]!.holds, stored[2]!.holds, stored[3]!.holds]);
  });

  it('with the day of the replan, reads only the holds of promises waiting to be fulfilled, and the replan comes out the same', async () => {
    const model = buildModel(plant(), { asOf: AS_OF, dataVersion: (await h.store.dataVersion())! });
    const requests = [request(line('FG', 4, '2026-03-04')), request(line('FG', 2, '2026-03-10'), line('FG', 1, '2026-03-05')), request(line('FG', 3, '2026-03-12'))];
    for (const raw of requests) {
      const v = validateRequest(model, raw);
      if (!v.ok) throw new Error('bad request');
      const { result, holds } = runCheck(model, v.value);
      const r = await h.store.recordPromise({ status: 'confirmed', request: v.value, result, holds, user: 'a' }, await h.store.holdsVersion());
      if (!r.ok) throw new Error('refused');
    }
    const all = openPromisesForRevalidation(h.store.db);
    expect(all.every((p) => p.holds.length > 0)).toBe(true);
    // A day after the first promise's dispatch and before the others' last: only the first waits to be fulfilled.
    const day = all[1]!.dispatchDates.reduce((a, b) => (a > b ? a : b));
    const waiting = all.filter((p) => p.dispatchDates.every((d) => d < day)).map((p) => p.id);
    expect(waiting).toEqual([all[0]!.id]);
    const some = openPromisesForRevalidation(h.store.db, day);
    expect(some.map((p) => p.holds)).toEqual([all[0]!.holds, [], []]);
    expect(some.map(({ holds: _, ...p }) => p)).toEqual(all.map(({ holds: _, ...p }) => p));
    // The replan reads no other holds: the same outcomes either way (the kept promise's holds included).
    const replan = (open: typeof all) => revalidatePromises(plant(), { asOf: day, dataVersion: 'v' }, open).outcomes;
    expect(replan(some)).toEqual(replan(all));
    expect(replan(some)[0]).toMatchObject({ rechecked: false, holds: all[0]!.holds });
  });

  it('writes any number of holds back in the order given (statements of up to 32 rows each), goods and hours alike', async () => {
    const model = buildModel(plant(), { asOf: AS_OF, dataVersion: (await h.store.dataVersion())! });
    const v = validateRequest(model, request(line('FG', 4, '2026-03-04')));
    if (!v.ok) throw new Error('bad request');
    const { result, holds } = runCheck(model, v.value);
    const r = await h.store.recordPromise({ status: 'confirmed', request: v.value, result, holds, user: 'a' }, await h.store.holdsVersion());
    if (!r.ok) throw new Error('refused');
    const made = (k: number): Hold =>
      k % 3 === 0
        ? { type: 'goods', line: k % 2, sku: k % 2 ? 'FG' : 'COMP', date: `2026-03-${String(1 + (k % 28)).padStart(2, '0')}`, qty: k, use: k % 2 ? 'finished' : 'component' }
        : { type: 'hours', line: k % 2, resource_id: 'ASSY', date: `2026-04-${String(1 + (k % 28)).padStart(2, '0')}`, regular_e4: 10_000 * k, overtime_e4: k % 5 };
    // Sizes on each side of a statement's 32 rows, and none.
    for (const n of [70, 1, 32, 0, 33, 64, 5]) {
      const next = Array.from({ length: n }, (_, k) => made(k + n));
      replaceHolds(h.store.db, r.id, next);
      expect(holdsOf(h.store.db, r.id)).toEqual(next);
    }
  });
});
