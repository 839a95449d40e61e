/**
 * The picture of a line's bottleneck: the limiting resource's hours by day around the requested
 * date, as a chart (echarts, loaded on demand) and as a table for keyboard and screen-reader users.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CapacityAround } from '../../shared/contract';
import type { LineResult, Plan } from '../../shared/schemas/check';
import { limitingResource, pictureRows, pictureWindow, picturedPlan } from '../bottleneck-data';
import { formatDate, formatHours, formatShortDate } from '../format';
import { useApi } from '../hooks/use-api';

interface Props {
  line: LineResult;
  index: number;
  asOf: string;
  /** Plans of this quote's other lines planned before this one (`plansBefore`). */
  others?: readonly Plan[];
}

const NONE: readonly Plan[] = [];

export function BottleneckFigure({ line, index, asOf, others = NONE }: Props) {
  const api = useApi();
  const plan = picturedPlan(line);
  const resourceId = limitingResource(line, plan);
  const { from, to } = pictureWindow(line, plan, asOf);
  const [data, setData] = useState<{ key: string; value: CapacityAround | null; error: string | null } | null>(null);
  const key = `${resourceId}|${from}|${to}`;
  const chartRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!resourceId) return;
    let live = true;
    void api.call('capacity:around', { resource_ids: [resourceId], from, to, asOf }).then((r) => {
      if (live) setData(r.ok ? { key, value: r.value, error: null } : { key, value: null, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, key, resourceId, from, to, asOf]);

  const current = data?.key === key ? data : null;
  const resource = current?.value?.resources[0];
  const rows = useMemo(() => (resource && resourceId ? pictureRows(resource.days, plan, resourceId, others) : []), [resource, plan, resourceId, others]);
  const title = resource ? `${resource.name}: hours by day, ${formatDate(from)} to ${formatDate(to)}` : '';

  useEffect(() => {
    const el = chartRef.current;
    if (!el || rows.length === 0) return;
    let dispose: (() => void) | null = null;
    let live = true;
    void import('./bottleneck-chart').then(({ drawBottleneck }) => {
      if (live) dispose = drawBottleneck(el, rows, { requestedDate: line.requested_date, title, label: formatShortDate });
    });
    return () => {
      live = false;
      dispose?.();
    };
  }, [rows, title, line.requested_date]);

  if (!resourceId) return <p className="bottleneck-none">No production needed for this line: it is served from stock or bought in.</p>;
  return (
    <figure className="bottleneck" aria-labelledby={`bottleneck-${index}`}>
      <figcaption id={`bottleneck-${index}`}>
        Bottleneck, line {index + 1}: {resource?.name ?? resourceId}
      </figcaption>
      {current?.error && <p className="field-error">{current.error}</p>}
      {!current && <p className="muted">Loading capacity…</p>}
      {rows.length > 0 && (
        <>
          <div className="chart" ref={chartRef} role="img" aria-label={title} />
          <details>
            <summary>Show as a table</summary>
            <table className="capacity-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Capacity</th>
                  <th scope="col">With free overtime</th>
                  <th scope="col">Booked</th>
                  <th scope="col">Held by promises</th>
                  <th scope="col">This quote, other lines</th>
                  <th scope="col">This line</th>
                  <th scope="col">This line, overtime</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.date}>
                    <th scope="row">
                      <time dateTime={r.date}>{formatDate(r.date)}</time>
                    </th>
                    <td>{formatHours(r.capacity)}</td>
                    <td>{formatHours(r.withOvertime)}</td>
                    <td>{formatHours(r.booked)}</td>
                    <td>{formatHours(r.held)}</td>
                    <td>{formatHours(r.quoteOther)}</td>
                    <td>{formatHours(r.addRegular)}</td>
                    <td>{formatHours(r.addOvertime)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
