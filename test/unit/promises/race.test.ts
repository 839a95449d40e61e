/**
 * Two people confirming the last capacity at the same time: exactly one succeeds, the other is
 * refused with the reason, and what is held adds up (`promises.md`). Each round starts from a
 * fresh database: two connections in one process, then two processes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Desk as PromiseDesk } from '../../../main/desk/open-desk';
import { openDesk, request, secondConnection } from './plant';

const run = promisify(execFile);
// The Node running the tests (22), never whatever `node` is first on PATH.
const tsxCli = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
const worker = join(import.meta.dirname, 'race-worker.ts');

async function heldHours(d: PromiseDesk): Promise<number> {
  return (await d.checks.store.loadOpenHolds()).reduce((s, h) => s + (h.type === 'hours' ? h.regular_e4 + h.overtime_e4 : 0), 0) / 1e4;
}

describe('two confirming the last capacity at once', () => {
  it('two connections, many rounds: exactly one wins each time and the holds add up', async () => {
    for (let round = 0; round < 25; round++) {
      const a = await openDesk();
      const b = await secondConnection(a.path, a.clock);
      const [actorA, actorB] = [await a.people.localActor(), await b.people.localActor()];
      // 16 units take all regular hours of Monday and Tuesday; 10 + 10 do not fit without overtime.
      const qty = round % 2 ? 16 : 10;
      const outcomes = await Promise.all([a.promises.confirm(actorA, { request: request(qty) }), b.promises.confirm(actorB, { request: request(qty) })]);
      const won = outcomes.filter((o) => o.ok);
      const lost = outcomes.filter((o) => !o.ok);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost[0]).toMatchObject({ ok: false, kind: 'not_ok' });
      expect(lost[0]!.ok ? '' : lost[0]!.message).toMatch(/needs_overtime|capacity_short/);
      expect(await heldHours(a)).toBe(qty);
      expect(await heldHours(b)).toBe(qty);
      expect((await a.promises.list()).map((p) => p.status)).toEqual(['confirmed']);
      await b.close();
      await a.close();
    }
  });

  it('two processes, several rounds: exactly one wins each time', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await openDesk();
      await a.close();
      const startAt = String(Date.now() + 2500);
      const outs = await Promise.all([0, 1].map(() => run(process.execPath, [tsxCli, worker, a.path, startAt, '16'], { env: process.env })));
      const outcomes = outs.map((o) => JSON.parse(o.stdout.trim()) as { ok: boolean; kind?: string });
      expect(outcomes.filter((o) => o.ok), `round ${round}: ${JSON.stringify(outcomes)}`).toHaveLength(1);
      expect(outcomes.find((o) => !o.ok)).toMatchObject({ kind: 'not_ok' });
      const check = await openDesk(a.clock, a.path);
      expect(await heldHours(check)).toBe(16);
      expect(await check.promises.list()).toHaveLength(1);
      await check.close();
    }
  }, 60_000);
});
