// @vitest-environment jsdom
/** The heatmap's busiest days as a table: which cells are listed, and what a row says. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyDays, busyDays } from '../../../renderer/screens/capacity/busy-days';
import { heatCells } from '../../../renderer/screens/capacity/capacity-data';
import type { CapacityPictureView } from '../../../shared/contract-operations';

const dates = ['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10'];
const series = (cal: number[], load: number[], held: number[], ot: number[]) => ({ calendar_e4: cal, load_e4: load, held_regular_e4: held, held_overtime_e4: ot, overtime_e4: [20000, 20000, 20000, 20000] });
const picture: CapacityPictureView = {
  as_of: dates[0]!,
  data_version: 'v1-x',
  dates,
  resources: [
    // Thursday 50 %, Friday full (8 of 8), Monday on overtime, Tuesday 75 %.
    { resource_id: 'M8', name: 'Machine', calendar_id: 'WD8', ...series([80000, 80000, 80000, 80000], [20000, 80000, 60000, 30000], [20000, 0, 20000, 30000], [0, 0, 5000, 0]) },
    // Load on a closed day is over-booked.
    { resource_id: 'OFF', name: 'Idle', calendar_id: 'ZERO', ...series([0, 0, 0, 0], [0, 0, 0, 10000], [0, 0, 0, 0], [0, 0, 0, 0]) },
  ],
  exceptions: [],
};
afterEach(cleanup);

describe('the busiest days', () => {
  const { cells, periods } = heatCells(picture, 'day');

  it('lists the full, overtime and over-booked cells in view, by day then resource', () => {
    expect(busyDays(cells, periods, 0, 3).map((r) => [r.cell.resource, r.period.from])).toEqual([
      [0, '2026-03-06'],
      [0, '2026-03-09'],
      [1, '2026-03-10'],
    ]);
    expect(busyDays(cells, periods, 2, 2).map((r) => r.period.from)).toEqual(['2026-03-09']);
  });

  it('says each one’s hours and state, and shows it on request', async () => {
    const onShow = vi.fn();
    render(<BusyDays rows={busyDays(cells, periods, 0, 3)} resources={[{ id: 'M8', name: 'Machine' }, { id: 'OFF', name: 'Idle' }]} week={false} onShow={onShow} />);
    const table = screen.getByRole('table', { name: 'Days fully used, on overtime or over-booked (3)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent).slice(1, 6)).toEqual(['8', '6', '2', '0.5', 'overtime or overbooked']);
    await userEvent.click(within(rows[2]!).getByRole('button', { name: /^Show Idle, / }));
    expect(onShow).toHaveBeenCalledWith(1, 3);
  });

  it('says so when no day is that busy', () => {
    render(<BusyDays rows={[]} resources={[]} week onShow={() => undefined} />);
    expect(screen.getByText('No resource is fully used, on overtime or over-booked in the weeks shown.')).toBeTruthy();
  });
});
