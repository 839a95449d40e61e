/**
 * The capacity picture: every resource by day (or by week, zoomed out) over the horizon, coloured
 * by how much of its calendar hours booked load and promises use, with holidays (H), other
 * calendar exceptions (E) and overtime used (+) marked. Choosing a cell, by pointer or with the
 * Resource and Day selects, shows its figures and the promises holding it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { CapacityPictureView, CellHolderView } from '../../../shared/contract-operations';
import { Progress } from '../../components/progress';
import { useDataChanged } from '../../data-events';
import { formatDate, formatHours, formatShortDate } from '../../format';
import { useApi } from '../../hooks/use-api';
import { BusyDays, busyDays } from './busy-days';
import { BAND_LABEL, band, e4Hours, heatCells, type Grain, type Period } from './capacity-data';
import type { Heatmap, HeatmapInput } from './capacity-chart';
import './capacity.css';

const ZOOMS = [
  { id: '6w', label: '6 weeks, by day', grain: 'day' as Grain, days: 42 },
  { id: '13w', label: '13 weeks, by day', grain: 'day' as Grain, days: 91 },
  { id: 'all', label: 'Whole horizon, by week', grain: 'week' as Grain, days: Infinity },
];

const weekLabel = (p: Period) => `week of ${formatShortDate(p.from)}`;
const dayLabel = (p: Period) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${p.from}T00:00:00Z`));

export function CapacityScreen() {
  const api = useApi();
  const [picture, setPicture] = useState<CapacityPictureView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  const [zoom, setZoom] = useState(ZOOMS[0]!);
  const [selected, setSelected] = useState<{ resource: number; period: number } | null>(null);
  const [holders, setHolders] = useState<{ key: string; list: CellHolderView[] | null; error: string | null } | null>(null);
  const [theme, setTheme] = useState(0);
  const chartEl = useRef<HTMLDivElement>(null);
  const chart = useRef<Heatmap | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await api.call('capacity:picture');
    setLoading(false);
    if (r.ok) {
      setPicture(r.value);
      setError(null);
    } else setError(r.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  useDataChanged(useCallback(() => void load(), [load]));

  // Redraw with the other theme's colours when the system switches light/dark.
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!mq) return;
    const on = () => setTheme((t) => t + 1);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);

  const { periods, cells } = useMemo(() => (picture ? heatCells(picture, zoom.grain) : { periods: [], cells: [] }), [picture, zoom.grain]);
  const resources = useMemo(() => picture?.resources.map((r) => ({ id: r.resource_id, name: r.name })) ?? [], [picture]);
  const window_ = useMemo(() => ({ start: 0, end: Math.max(0, Math.min(periods.length, zoom.days) - 1) }), [periods.length, zoom.days]);
  const label = zoom.grain === 'week' ? weekLabel : dayLabel;
  const cell = selected ? cells[selected.resource * periods.length + selected.period] : undefined;
  const period = selected ? periods[selected.period] : undefined;
  const resource = selected ? picture?.resources[selected.resource] : undefined;

  useEffect(() => {
    setSelected((s) => (s && s.period >= periods.length ? null : s));
  }, [periods.length]);

  const title = picture ? `Capacity of ${resources.length} resources, ${zoom.grain === 'week' ? 'by week' : 'by day'}, from ${formatDate(picture.dates[0]!)}` : '';
  const input: HeatmapInput | null = picture
    ? { resources, periods, cells, periodLabel: label, selected, window: window_, title, onSelect: (resource, period) => setSelected({ resource, period }) }
    : null;

  useEffect(() => {
    const el = chartEl.current;
    if (!el || !input) return;
    let live = true;
    if (chart.current) chart.current.update(input);
    else
      void import('./capacity-chart').then(({ drawHeatmap }) => {
        if (live && !chart.current) chart.current = drawHeatmap(el, input);
      });
    return () => {
      live = false;
    };
  });
  useEffect(() => () => chart.current?.dispose(), []);
  useEffect(() => {
    if (chart.current && input) chart.current.update(input);
    // Only a change of theme redraws here; a new picture is drawn by the effect above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme]);

  // The promises holding the chosen cell.
  const holdersKey = resource && period ? `${resource.resource_id}|${period.from}|${period.to}|${picture?.data_version}` : '';
  useEffect(() => {
    if (!resource || !period) return;
    let live = true;
    const key = holdersKey;
    void api.call('capacity:holders', { resource_id: resource.resource_id, from: period.from, to: period.to }).then((r) => {
      if (live) setHolders(r.ok ? { key, list: r.value, error: null } : { key, list: null, error: r.error.message });
    });
    return () => {
      live = false;
    };
    // holdersKey names the cell and the data version: new objects of the same cell do not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, holdersKey]);
  const shownHolders = holders?.key === holdersKey ? holders : null;

  if (error)
    return (
      <section className="screen">
        <h1>Capacity</h1>
        <p className="error-banner" role="alert">
          {error.message}
        </p>
      </section>
    );

  return (
    <section className="screen capacity-screen" aria-busy={loading}>
      <h1>Capacity</h1>
      <Progress busy={loading} label="Loading the capacity picture…" />
      {picture && (
        <p className="meta">
          Data version {picture.data_version}; {picture.dates.length} days from {formatDate(picture.dates[0]!)}. H: holiday, E: other calendar exception, +: overtime
          used.
        </p>
      )}
      <div className="toolbar capacity-controls">
        <fieldset className="zoom">
          <legend>Show</legend>
          {ZOOMS.map((z) => (
            <label key={z.id}>
              <input type="radio" name="capacity-zoom" value={z.id} checked={zoom.id === z.id} onChange={() => setZoom(z)} /> {z.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="capacity-resource">Resource</label>
          <select
            id="capacity-resource"
            value={selected?.resource ?? ''}
            onChange={(e) => setSelected({ resource: Number(e.target.value), period: selected?.period ?? 0 })}
          >
            <option value="" disabled>
              Choose…
            </option>
            {resources.map((r, i) => (
              <option key={r.id} value={i}>
                {r.name} ({r.id})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="capacity-period">{zoom.grain === 'week' ? 'Week' : 'Day'}</label>
          <select
            id="capacity-period"
            value={selected?.period ?? ''}
            onChange={(e) => setSelected({ resource: selected?.resource ?? 0, period: Number(e.target.value) })}
          >
            <option value="" disabled>
              Choose…
            </option>
            {periods.map((p, i) => (
              <option key={p.from} value={i}>
                {zoom.grain === 'week' ? `${formatDate(p.from)} – ${formatDate(p.to)}` : formatDate(p.from)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {picture && <div className="heatmap" ref={chartEl} role="img" aria-label={title} style={{ height: `${Math.max(260, resources.length * 28 + 140)}px` }} />}
      {picture && (
        <BusyDays
          rows={busyDays(cells, periods, window_.start, window_.end)}
          resources={resources}
          week={zoom.grain === 'week'}
          onShow={(resource, period) => setSelected({ resource, period })}
        />
      )}
      {cell && period && resource && (
        <section className="cell-details" aria-labelledby="cell-title">
          <h2 id="cell-title">
            {resource.name} ({resource.resource_id}), {zoom.grain === 'week' ? `${formatDate(period.from)} – ${formatDate(period.to)}` : formatDate(period.from)}
          </h2>
          <dl className="facts">
            <div>
              <dt>Calendar hours</dt>
              <dd>{formatHours(e4Hours(cell.calendar_e4))}</dd>
            </div>
            <div>
              <dt>Booked load</dt>
              <dd>{formatHours(e4Hours(cell.load_e4))}</dd>
            </div>
            <div>
              <dt>Held by promises</dt>
              <dd>{formatHours(e4Hours(cell.held_regular_e4))}</dd>
            </div>
            <div>
              <dt>Overtime used</dt>
              <dd>
                {formatHours(e4Hours(cell.held_overtime_e4))} of {formatHours(e4Hours(cell.overtime_e4))}
              </dd>
            </div>
            <div>
              <dt>Utilisation</dt>
              <dd>{cell.utilisation === null ? 'no calendar hours' : new Intl.NumberFormat(undefined, { style: 'unit', unit: 'percent', maximumFractionDigits: 0 }).format(cell.utilisation)}</dd>
            </div>
            <div>
              <dt>Band</dt>
              <dd>{BAND_LABEL[band(cell)]}</dd>
            </div>
          </dl>
          {cell.exceptions.length > 0 && (
            <ul className="exceptions">
              {cell.exceptions.map((e, i) => (
                <li key={i}>
                  {Number(e.hours) === 0 ? 'Holiday' : `Exception (${formatHours(e.hours)} h a day)`} {formatDate(e.date_from)}
                  {e.date_to !== e.date_from ? ` – ${formatDate(e.date_to)}` : ''}
                  {e.note ? `: ${e.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          <HoldersTable state={shownHolders} />
        </section>
      )}
    </section>
  );
}

function HoldersTable({ state }: { state: { list: CellHolderView[] | null; error: string | null } | null }) {
  if (!state) return <p className="muted">Looking up the promises holding these hours…</p>;
  if (state.error) return <p className="field-error">{state.error}</p>;
  const list = state.list ?? [];
  if (list.length === 0) return <p>No promise holds hours here.</p>;
  return (
    <table>
      <caption>Promises holding these hours, in the order they were confirmed</caption>
      <thead>
        <tr>
          <th scope="col">Promise</th>
          <th scope="col">Customer</th>
          <th scope="col">Status</th>
          <th scope="col">Regular hours</th>
          <th scope="col">Overtime hours</th>
          <th scope="col">Days</th>
        </tr>
      </thead>
      <tbody>
        {list.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.id}</th>
            <td>{p.customer}</td>
            <td>
              {p.status.replace('_', ' ')}
              {p.at_risk ? ', at risk' : ''}
            </td>
            <td>{formatHours(p.regular_hours)}</td>
            <td>{formatHours(p.overtime_hours)}</td>
            <td>{p.first_date === p.last_date ? formatDate(p.first_date) : `${formatDate(p.first_date)} – ${formatDate(p.last_date)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
