import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capacityPictureOf, cellHolders } from '../../../main/services/capacity-service';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, plant, request } from '../../support/plant';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
let h: Harness;

beforeEach(async () => {
  const wb = plant({ calendar_exceptions: 'calendar_id,date_from,date_to,hours,note\nWD8,2026-03-05,2026-03-05,0,Plant holiday\nWD8,2026-01-01,2026-01-02,0,Old' });
  h = await openHarness(dir, wb);
});
afterEach(() => h.close());

describe('capacity picture', () => {
  it('gives every resource by day over the horizon, with held hours and exceptions', async () => {
    const c = await confirmAs(h.checks, request(line('FG', 4, '2026-03-04')), AS_OF);
    expect(c.ok).toBe(true);
    const p = await capacityPictureOf(h, AS_OF);
    expect(p.dates).toHaveLength(60);
    expect(p.dates[0]).toBe(AS_OF);
    expect(p.resources.map((r) => [r.resource_id, r.calendar_id])).toEqual([
      ['M8', 'WD8'],
      ['M75', 'WD75'],
      ['OFF', 'ZERO'],
    ]);
    const m8 = p.resources[0]!;
    expect(m8.calendar_e4.slice(0, 7)).toEqual([80000, 80000, 80000, 0, 80000, 0, 0]); // Thursday the 5th is a holiday
    expect(m8.held_regular_e4[2]).toBe(80000); // 4 units × 2 h on Wednesday, as late as possible
    expect(p.exceptions).toEqual([{ calendar_id: 'WD8', date_from: '2026-03-05', date_to: '2026-03-05', hours: '0', note: 'Plant holiday' }]);
  });

  it('lists the promises holding a cell, with their hours', async () => {
    const c1 = await confirmAs(h.checks, request(line('FG', 4, '2026-03-04')), AS_OF);
    const c2 = await confirmAs(h.checks, request(line('FG', 2, '2026-03-03')), AS_OF);
    if (!c1.ok || !c2.ok) throw new Error('both should be confirmed');
    expect(await cellHolders(h, 'M8', '2026-03-04', '2026-03-04')).toEqual([
      { id: c1.id, status: 'confirmed', customer: 'Acme GmbH', at_risk: false, regular_hours: '8', overtime_hours: '0', first_date: '2026-03-04', last_date: '2026-03-04' },
    ]);
    expect((await cellHolders(h, 'M8', '2026-03-02', '2026-03-08')).map((x) => x.id)).toEqual([c1.id, c2.id]);
    expect(await cellHolders(h, 'M75', '2026-03-02', '2026-03-08')).toEqual([]);
  });
});
