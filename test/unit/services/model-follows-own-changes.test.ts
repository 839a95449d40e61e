/**
 * After its own confirm or submit the check service's model takes the promise's holds at once
 * (no read of its own change back from the log): whatever mix of confirms, submits, drafts made
 * promises and cancels, the model always equals one built afresh from the stored open holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../shared/engine';
import { LOCAL_ACTOR } from '../../../shared/rules/roles';
import { openDesk, request, TODAY } from '../promises/plant';

type Step = { kind: 'confirm' | 'submit' | 'draft-confirm' | 'cancel'; qty: number; day: number };
const step = fc.record({ kind: fc.constantFrom('confirm', 'submit', 'draft-confirm', 'cancel'), qty: fc.integer({ min: 1, max: 40 }), day: fc.integer({ min: 4, max: 20 }) }) as fc.Arbitrary<Step>;

describe("the check service's model after its own changes", () => {
  it('equals a model built from the stored holds, step by step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const desk = await openDesk();
        try {
          const ids: string[] = [];
          for (const s of steps) {
            const req = request(s.qty, '100', `2026-03-${String(s.day).padStart(2, '0')}`);
            let out;
            if (s.kind === 'cancel') {
              if (!ids.length) continue;
              out = await desk.promises.cancel(LOCAL_ACTOR, ids.shift()!);
            } else if (s.kind === 'draft-confirm') {
              const d = await desk.promises.saveDraft(LOCAL_ACTOR, req);
              if (!d.ok) continue;
              out = await desk.promises.confirm(LOCAL_ACTOR, { draftId: d.id });
            } else {
              out = await desk.promises[s.kind](LOCAL_ACTOR, { request: req });
            }
            if (out.ok && 'id' in out && s.kind !== 'cancel') ids.push(out.id);
            const { version, holds } = await desk.checks.store.openHoldsWithVersion();
            // Its own new promise is in the model before anything is read back.
            if (out.ok && s.kind !== 'cancel') expect(desk.checks.reflects(TODAY, version)).toBe(true);
            const now = await desk.checks.model(TODAY);
            const plant = (await desk.checks.loadPlant())!;
            expect(now!.holdsVersion).toBe(version);
            expect(now!.model).toEqual(buildModel(plant.workbook, { asOf: TODAY, dataVersion: plant.dataVersion, holds }));
          }
        } finally {
          await desk.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('a confirm right after a cancel freed the capacity it needs is not refused on the model of before', async () => {
    const desk = await openDesk();
    try {
      const big = request(10);
      const first = await desk.promises.confirm(LOCAL_ACTOR, { request: big });
      expect(first).toMatchObject({ ok: true });
      // 16 regular hours by Wednesday: the same again does not fit while the first holds them...
      expect(await desk.promises.confirm(LOCAL_ACTOR, { request: big })).toMatchObject({ ok: false });
      await desk.promises.cancel(LOCAL_ACTOR, first.ok && 'id' in first ? first.id : '');
      // ...and fits at once when it is cancelled, though the model still held it a moment ago.
      expect(await desk.promises.confirm(LOCAL_ACTOR, { request: big })).toMatchObject({ ok: true, status: 'confirmed' });
    } finally {
      await desk.close();
    }
  });
});
