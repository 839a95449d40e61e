/**
 * How the check service keeps its model up to date when many ask at once (a team server: every
 * check, every confirm and every other instance's notice): one refresh at a time, the calls made
 * meanwhile share the next one, and no call is answered by a refresh that began before it.
 */
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import type { HoldChanges, Store } from '../../../main/db/store';
import { demoWorkbook } from '../../../main/demo/demo-workbook';
import { CheckService } from '../../../main/services/check-service';
import { revalidator } from '../../../main/services/revalidator';
import type { CheckRequestInput } from '../../../shared/schemas/check';
import { tempDbPath, tempDir } from '../db/temp-db';

const dir = tempDir();
const TODAY = '2026-03-02';
const clock = () => new Date('2026-03-02T09:00:00Z');
const req = (qty: number): CheckRequestInput => ({ customer: 'Budimex', region: 'PL', lines: [{ sku: 'SP-4', qty, requested_date: '2026-04-10', unit_price: '1150' }] });

/** A store whose hold-log reads are counted, and answer (what they read at once) only when the test lets them. */
function gatedStore(store: SqliteStore) {
  let reads = 0;
  const waiting: (() => void)[] = [];
  let open = true;
  const gated = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'holdChangesSince')
        return async (since: number): Promise<HoldChanges | null> => {
          reads++;
          const read = await target.holdChangesSince(since);
          if (!open) await new Promise<void>((r) => waiting.push(r));
          return read;
        };
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as Store;
  return {
    store: gated,
    reads: () => reads,
    hold: () => void (open = false),
    release: () => {
      open = true;
      for (const w of waiting.splice(0)) w();
    },
  };
}

async function demoStore(): Promise<SqliteStore> {
  const store = SqliteStore.open(tempDbPath(dir));
  await store.importWorkbook(demoWorkbook(TODAY), { source: 'demo', sha256: '0123456789abcdef', user: 't' }, revalidator(TODAY));
  return store;
}

describe('CheckService model refresh', () => {
  it('serves twenty checks at once with two reads of the hold log, each answer as a check alone gives', async () => {
    const raw = await demoStore();
    const g = gatedStore(raw);
    const service = new CheckService(g.store, { now: clock });
    const alone = await service.check(req(3), TODAY);
    const before = g.reads();
    g.hold();
    const all = Array.from({ length: 20 }, () => service.check(req(3), TODAY));
    await new Promise((r) => setTimeout(r, 20));
    g.release();
    const answers = await Promise.all(all);
    expect(g.reads() - before).toBe(2);
    for (const a of answers) expect(a).toEqual(alone);
    await raw.close();
  });

  it('never answers a check with a refresh that began before it: a promise recorded meanwhile is seen', async () => {
    const raw = await demoStore();
    const g = gatedStore(raw);
    const service = new CheckService(g.store, { now: clock });
    const first = await service.check(req(3), TODAY);
    if (!first.ok) throw new Error('check failed');
    g.hold();
    const early = service.check(req(3), TODAY); // its refresh is under way
    await new Promise((r) => setTimeout(r, 10));
    // Another process records a promise that holds capacity for SP-4.
    const c = await new CheckService(raw, { now: clock }).check(req(40), TODAY);
    if (!c.ok) throw new Error('check failed');
    const rec = await raw.recordPromise({ status: 'confirmed', request: c.request, result: c.result, holds: c.holds, user: 'other' }, c.holdsVersion);
    expect(rec.ok).toBe(true);
    const late = service.check(req(3), TODAY); // asked after the commit
    g.release();
    const [e, l] = await Promise.all([early, late]);
    if (!e.ok || !l.ok) throw new Error('check failed');
    expect(e.holdsVersion).toBeLessThan(l.holdsVersion);
    expect(l.holdsVersion).toBe(await raw.holdsVersion());
    // The late answer counts the other promise's holds: a model built afresh agrees.
    const fresh = await new CheckService(raw, { now: clock }).check(req(3), TODAY);
    expect(l).toEqual(fresh);
    await raw.close();
  });
});
