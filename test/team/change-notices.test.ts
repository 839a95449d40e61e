/**
 * Change notices between team server instances are gathered and sent together: every event
 * reaches the other instances, in order, none comes back to its sender, each NOTIFY stays under
 * PostgreSQL's payload limit, and closing sends what was still gathered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeNotices, noticePayloads } from '../../main/db/postgres/change-notices';
import { freshDatabase, hasPostgres } from '../support/postgres';
import { missing } from '../support/requires';

type Ev = { n: number; pad: string };
const parse = (x: unknown): Ev | null => (typeof x === 'object' && x !== null && typeof (x as Ev).n === 'number' ? (x as Ev) : null);

describe('the payloads of gathered notices', () => {
  it('carry every event that fits, in order, each payload under the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ n: fc.nat(), pad: fc.string({ maxLength: 400 }) }), { maxLength: 60 }), fc.integer({ min: 200, max: 2000 }), (events, max) => {
        const payloads = noticePayloads('origin-1', events, max);
        for (const p of payloads) expect(p.length).toBeLessThanOrEqual(max);
        const back = payloads.flatMap((p) => (JSON.parse(p) as { origin: string; events: Ev[] }).events);
        const head = '{"origin":"origin-1","events":[]}'.length;
        expect(back).toEqual(events.filter((e) => head + JSON.stringify(e).length <= max));
      }),
    );
  });
});

describe.skipIf(missing('PostgreSQL', hasPostgres()))('change notices between instances', () => {
  it('reach the other instance in order, never the sender, and closing sends the rest', async () => {
    const url = await freshDatabase('notices');
    const got: { a: Ev[]; b: Ev[] } = { a: [], b: [] };
    let ready = 0;
    let up: () => void = () => {};
    const both = new Promise<void>((resolve) => (up = resolve));
    const onState = (connected: boolean) => void (connected && ++ready === 2 && up());
    const a = changeNotices<Ev>(url, { parse, onNotice: (e) => got.a.push(e), onState });
    const b = changeNotices<Ev>(url, { parse, onNotice: (e) => got.b.push(e), onState });
    await both;
    // 400 events of ~300 characters: many payloads; one event too big for any payload.
    const sent = Array.from({ length: 400 }, (_, n) => ({ n, pad: 'x'.repeat(300) }));
    for (const e of sent.slice(0, 200)) a.tell(e);
    a.tell({ n: -1, pad: 'y'.repeat(9000) });
    await new Promise((r) => setTimeout(r, 5));
    for (const e of sent.slice(200)) a.tell(e);
    b.tell({ n: 1000, pad: '' });
    // a hears b's notice and none of its own.
    await expect.poll(() => got.a.map((e) => e.n), { timeout: 5000 }).toEqual([1000]);
    // Closing flushes what a had gathered still.
    a.tell({ n: 400, pad: '' });
    await a.close();
    await expect.poll(() => got.b.length, { timeout: 5000 }).toBe(401);
    expect(got.b.map((e) => e.n)).toEqual([...sent.map((e) => e.n), 400]);
    await b.close();
    expect(got.a.map((e) => e.n)).toEqual([1000]);
  });
});
