/** A promise's page, its parts: lines with their plans, what it holds, approvals, and its history. */
import type { PromiseDetail } from '../../../shared/contract-promises';
import { e4ToString, toE4 } from '../../../shared/units/money';
import type { LineResult } from '../../../shared/schemas/check';
import { DateText, PLAN_LABEL } from '../../components/line-answer';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatHours, formatMoney, formatPct, formatQty } from '../../format';
import { roleLabel } from '../../components/session-bar';
import { STATE_LABEL } from './promise-status';
import { formatDateTime } from './when';

export function LinesSection({ p }: { p: PromiseDetail }) {
  return (
    <section className="panel" aria-labelledby="lines-title">
      <h2 id="lines-title">Lines and plans</h2>
      {p.result.lines.map((l, i) => (
        <LinePlans key={i} line={l} index={i} currency={p.currency} />
      ))}
    </section>
  );
}

function LinePlans({ line, index, currency }: { line: LineResult; index: number; currency: string }) {
  return (
    <article className="promise-line" aria-labelledby={`pl-${index}`}>
      <header>
        <h3 id={`pl-${index}`}>
          Line {index + 1}: {formatQty(line.qty)} {line.unit} × {line.sku} <span className="muted">{line.name}</span>
        </h3>
        <span>
          <span className="muted">Check: </span>
          <StatusBadge status={line.status} />
        </span>
      </header>
      <p className="meta">
        Requested <DateText date={line.requested_date} /> · unit price {formatMoney(line.unit_price, currency)} · discount {formatPct(line.discount_pct)}
      </p>
      {line.reasons.length > 0 && (
        <ul className="reasons">
          {line.reasons.map((r, i) => (
            <li key={i}>{r.message}</li>
          ))}
        </ul>
      )}
      <table className="plans">
        <caption>Plans, line {index + 1}</caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">By the requested date</th>
            <th scope="col">Dispatch</th>
            <th scope="col">Delivery</th>
            <th scope="col">Overtime</th>
            <th scope="col">Cost</th>
            <th scope="col">Margin</th>
          </tr>
        </thead>
        <tbody>
          {line.plans.map((pl) => {
            const chosen = pl.kind === line.chosen_plan;
            return (
              <tr key={pl.kind} className={chosen ? 'chosen' : undefined} aria-current={chosen || undefined}>
                <th scope="row">
                  {PLAN_LABEL[pl.kind]}
                  {chosen && ' (chosen)'}
                </th>
                <td>{pl.available_by_requested_date === null ? 'any quantity' : formatQty(pl.available_by_requested_date)}</td>
                <td>
                  <DateText date={pl.dispatch_date} />
                </td>
                <td>
                  <DateText date={pl.delivery_date} />
                </td>
                <td>{formatHours(pl.overtime_hours)} h</td>
                <td>{pl.cost ? formatMoney(pl.cost.total, currency) : '—'}</td>
                <td>{pl.margin_pct === null ? '—' : formatPct(pl.margin_pct)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

/** Past this many rows the holds start folded: the summary line says what they add up to. */
const FOLD_HOLDS = 12;

export function HoldsSection({ p }: { p: PromiseDetail }) {
  const goods = p.holds.filter((h) => h.type === 'goods');
  const hours = p.holds.filter((h) => h.type === 'hours');
  // Exact sums in 1/10,000 h, as everywhere hours are added.
  const regular = e4ToString(hours.reduce((s, h) => s + toE4(h.regular_hours ?? '0'), 0));
  const overtime = e4ToString(hours.reduce((s, h) => s + toE4(h.overtime_hours ?? '0'), 0));
  const days = new Set(p.holds.map((h) => h.date)).size;
  return (
    <section className="panel" aria-labelledby="holds-title">
      <h2 id="holds-title">What it holds</h2>
      {p.holds.length === 0 && <p className="muted">Nothing: {p.status === 'draft' ? 'a draft holds nothing' : `a ${STATE_LABEL[p.status].toLowerCase()} promise has released what it held`}.</p>}
      {p.holds.length > 0 && (
        <details className="holds" open={p.holds.length <= FOLD_HOLDS}>
          <summary>
            {formatQty(goods.length)} {goods.length === 1 ? 'hold' : 'holds'} of goods, {formatHours(regular)} h regular and {formatHours(overtime)} h overtime on {formatQty(days)} {days === 1 ? 'day' : 'days'}
          </summary>
          <HoldTables goods={goods} hours={hours} />
        </details>
      )}
    </section>
  );
}

function HoldTables({ goods, hours }: { goods: PromiseDetail['holds']; hours: PromiseDetail['holds'] }) {
  return (
    <>
      {goods.length > 0 && (
        <table className="holds-table">
          <caption>Goods</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Product</th>
              <th scope="col">Use</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">Quantity</th>
            </tr>
          </thead>
          <tbody>
            {goods.map((h, i) => (
              <tr key={i}>
                <th scope="row">{h.line + 1}</th>
                <td>{h.sku}</td>
                <td>{h.use === 'finished' ? 'Finished goods' : 'Component'}</td>
                <td>
                  <DateText date={h.date} />
                </td>
                <td className="num">{formatQty(h.qty ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hours.length > 0 && (
        <table className="holds-table">
          <caption>Hours</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Resource</th>
              <th scope="col">Date</th>
              <th scope="col" className="num">Regular</th>
              <th scope="col" className="num">Overtime</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h, i) => (
              <tr key={i}>
                <th scope="row">{h.line + 1}</th>
                <td>{h.resource_id}</td>
                <td>
                  <DateText date={h.date} />
                </td>
                <td className="num">{formatHours(h.regular_hours ?? '0')} h</td>
                <td className="num">{formatHours(h.overtime_hours ?? '0')} h</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ApprovalsSection({ p }: { p: PromiseDetail }) {
  if (p.approvals_needed.length === 0 && p.approvals.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="approvals-title">
      <h2 id="approvals-title">Approvals</h2>
      <p>
        Needs {p.approvals_needed.map((r) => (r === 'operations' ? 'operations (capacity)' : 'a manager (price)')).join(' and ') || 'no approval'}
        {p.approvals_missing.length > 0 && <> · still missing: {p.approvals_missing.map((r) => (r === 'operations' ? 'operations' : 'a manager')).join(' and ')}</>}
      </p>
      {p.approvals.length > 0 && (
        <ul className="plain">
          {p.approvals.map((a, i) => (
            <li key={i}>
              <strong>{a.decision === 'approved' ? 'Approved' : 'Rejected'}</strong> by {a.user} ({roleLabel(a.role)}), <time dateTime={a.at}>{formatDateTime(a.at)}</time>
              {a.comment && <q className="comment">{a.comment}</q>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HistorySection({ p }: { p: PromiseDetail }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <table className="history">
        <caption className="visually-hidden">Every change of {p.id}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Change</th>
            <th scope="col">Comment</th>
          </tr>
        </thead>
        <tbody>
          {p.events.map((e, i) => (
            <tr key={i}>
              <th scope="row">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </th>
              <td>{e.user}</td>
              <td>{e.from ? `${STATE_LABEL[e.from]} → ${STATE_LABEL[e.to]}` : `Made as ${STATE_LABEL[e.to].toLowerCase()}`}</td>
              <td>{e.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">
        Checked as of <time dateTime={p.result.as_of}>{formatDate(p.result.as_of)}</time> against data version <code>{p.result.data_version}</code>.
      </p>
    </section>
  );
}
