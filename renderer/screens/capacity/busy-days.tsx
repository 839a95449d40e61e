/**
 * The heatmap's data as a table, for people who cannot see the colours or use a pointer: every
 * resource and day (or week) in view that is fully used, on overtime or over-booked, with its
 * hours. "Show" chooses the cell, as a click on the heatmap does.
 */
import { formatDate, formatHours } from '../../format';
import { BAND_LABEL, band, e4Hours, type HeatCell, type Period } from './capacity-data';

export interface BusyRow {
  cell: HeatCell;
  period: Period;
}

/** Cells in the periods shown (`first`..`last`) whose band is full or over, by period then resource. */
export function busyDays(cells: readonly HeatCell[], periods: readonly Period[], first: number, last: number): BusyRow[] {
  return cells
    .filter((c) => c.period >= first && c.period <= last && (band(c) === 'full' || band(c) === 'over'))
    .sort((a, b) => a.period - b.period || a.resource - b.resource)
    .map((cell) => ({ cell, period: periods[cell.period]! }));
}

interface Props {
  rows: readonly BusyRow[];
  resources: readonly { id: string; name: string }[];
  week: boolean;
  onShow(resource: number, period: number): void;
}

export function BusyDays({ rows, resources, week, onShow }: Props) {
  const what = week ? 'Weeks' : 'Days';
  if (rows.length === 0) return <p className="hint">No resource is fully used, on overtime or over-booked in the {week ? 'weeks' : 'days'} shown.</p>;
  return (
    <table className="busy-days">
      <caption>
        {what} fully used, on overtime or over-booked ({rows.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">Resource</th>
          <th scope="col">{week ? 'Week' : 'Day'}</th>
          <th scope="col">Calendar hours</th>
          <th scope="col">Booked load</th>
          <th scope="col">Held by promises</th>
          <th scope="col">Overtime used</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ cell, period }) => {
          const r = resources[cell.resource]!;
          const when = week ? `${formatDate(period.from)} – ${formatDate(period.to)}` : formatDate(period.from);
          return (
            <tr key={`${cell.resource}|${cell.period}`}>
              <th scope="row">{r.name}</th>
              <td>{when}</td>
              <td>{formatHours(e4Hours(cell.calendar_e4))}</td>
              <td>{formatHours(e4Hours(cell.load_e4))}</td>
              <td>{formatHours(e4Hours(cell.held_regular_e4))}</td>
              <td>{formatHours(e4Hours(cell.held_overtime_e4))}</td>
              <td>{BAND_LABEL[band(cell)]}</td>
              <td>
                <button type="button" className="secondary" onClick={() => onShow(cell.resource, cell.period)} aria-label={`Show ${r.name}, ${when}`}>
                  Show
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
