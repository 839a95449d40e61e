import { describe, expect, it } from 'vitest';
import { band, e4Hours, heatCells, periods } from '../../../renderer/screens/capacity/capacity-data';
import type { CapacityPictureView } from '../../../shared/contract-operations';

const dates = ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'];
const picture: CapacityPictureView = {
  as_of: dates[0]!,
  data_version: 'v1-x',
  dates,
  resources: [
    {
      resource_id: 'M8',
      name: 'Machine',
      calendar_id: 'WD8',
      calendar_e4: [80000, 0, 0, 0, 80000, 80000],
      load_e4: [20000, 0, 0, 0, 80000, 60000],
      held_regular_e4: [20000, 0, 0, 0, 0, 20000],
      held_overtime_e4: [0, 0, 0, 0, 0, 5000],
      overtime_e4: [20000, 0, 0, 0, 20000, 20000],
    },
  ],
  exceptions: [{ calendar_id: 'WD8', date_from: '2026-03-06', date_to: '2026-03-06', hours: '0', note: 'Holiday' }],
};

describe('capacity picture cells', () => {
  it('groups days into Monday-to-Sunday weeks, the first one partial', () => {
    expect(periods(dates, 'week').map((p) => [p.from, p.to, p.days])).toEqual([
      ['2026-03-05', '2026-03-08', 4],
      ['2026-03-09', '2026-03-10', 2],
    ]);
  });

  it('sums a week exactly and marks its holiday', () => {
    const { cells } = heatCells(picture, 'week');
    expect(cells[0]).toMatchObject({ calendar_e4: 80000, load_e4: 20000, held_regular_e4: 20000, utilisation: 50, holiday: true });
    expect(cells[1]).toMatchObject({ calendar_e4: 160000, load_e4: 140000, held_overtime_e4: 5000, holiday: false });
    expect(band(cells[1]!)).toBe('over'); // overtime used
  });

  it('tells closed, free, busy and full days apart, by day', () => {
    const { cells } = heatCells(picture, 'day');
    expect(cells.map(band)).toEqual(['light', 'closed', 'closed', 'closed', 'full', 'over']);
    expect(cells[1]!.exceptions).toEqual([{ date_from: '2026-03-06', date_to: '2026-03-06', hours: '0', note: 'Holiday' }]);
  });

  it('shows hours exactly', () => {
    expect([e4Hours(80000), e4Hours(12345), e4Hours(5)]).toEqual(['8', '1.2345', '0.0005']);
  });
});
