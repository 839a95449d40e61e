/**
 * The answer for one line: first the sentence to tell the customer, then the status, the promised
 * delivery of the chosen plan, what is available by the requested date, the earliest delivery,
 * the reasons in words and the alternatives as buttons that change the line; the plans with their
 * costs and the bottleneck picture fold away (open by default only for a line that is not OK).
 */
import { useState } from 'react';
import type { Alternative, LineResult, Plan, PlanKind } from '../../shared/schemas/check';
import { formatDate, formatMoney, formatPct, formatQty } from '../format';
import { customerSentence, promisedDate } from '../quote/quote-sentences';
import { BottleneckFigure } from './bottleneck-figure';
import { StatusBadge } from './status-badge';

export const PLAN_LABEL: Record<PlanKind, string> = {
  regular: 'Regular',
  overtime: 'With overtime',
  express: 'Express',
  express_overtime: 'Express with overtime',
};

/** The plan a line's headline figures come from: the chosen one, else the regular plan. */
export function headlinePlan(line: LineResult): Plan | undefined {
  return line.plans.find((p) => p.kind === line.chosen_plan) ?? line.plans[0];
}

export function DateText({ date }: { date: string | null }) {
  return date === null ? <span>none in the horizon</span> : <time dateTime={date}>{formatDate(date)}</time>;
}

function Qty({ n, unit }: { n: number | null; unit: string }) {
  return n === null ? <span>any quantity</span> : <data value={n}>{`${formatQty(n)} ${unit}`}</data>;
}

export function alternativeLabel(alt: Alternative, line: LineResult): string {
  const d = alt.deliveries;
  const approval = alt.status === 'needs_approval' ? ' (needs approval)' : '';
  if (alt.kind === 'partial') return `Split: ${d.map((x) => `${formatQty(x.qty)} by ${formatDate(x.date)}`).join(', then ')}${approval}`;
  if (alt.kind === 'later_date') return `Deliver all ${formatQty(line.qty)} on ${formatDate(d[0]!.date)}${approval}`;
  const plan = alt.plan ? PLAN_LABEL[alt.plan].toLowerCase() : 'fastest plan';
  return `${alt.mode === 'express' ? 'Use express' : 'Use the fastest plan'} (${plan}): ${formatDate(d[0]!.date)}${approval}`;
}

interface Props {
  line: LineResult;
  index: number;
  asOf: string;
  currency: string;
  onApply(alt: Alternative): void;
  /** Plans of the quote's other lines planned before this one, for the bottleneck picture. */
  others?: readonly Plan[];
}

export function LineAnswer({ line, index, asOf, currency, onApply, others }: Props) {
  const head = headlinePlan(line);
  const titleId = `answer-line-${index}`;
  const promised = promisedDate(line);
  // Folded for an OK line, open for one that is not, until the salesperson opens or folds it
  // (which holds while the line's status stays the same).
  const [toggled, setToggled] = useState<{ status: string; open: boolean } | null>(null);
  const detail = toggled?.status === line.status ? toggled.open : line.status !== 'ok';
  return (
    <article className="line-answer" aria-labelledby={titleId} data-line={index}>
      <header>
        <h3 id={titleId}>
          Line {index + 1}: {line.sku} {line.name !== line.sku && <span className="name">{line.name}</span>}
        </h3>
        <StatusBadge status={line.status} />
      </header>
      <p className="tell" data-field="sentence">
        {customerSentence(line)}
      </p>
      <dl className="facts">
        <div>
          <dt>Promised delivery</dt>
          <dd data-field="promised">{promised ? <DateText date={promised} /> : 'not by the requested date'}</dd>
        </div>
        <div>
          <dt>Available by <DateText date={line.requested_date} /></dt>
          <dd data-field="available">{head ? <Qty n={head.available_by_requested_date} unit={line.unit} /> : '—'}</dd>
        </div>
        <div>
          <dt>Earliest delivery</dt>
          <dd data-field="earliest">{head ? <DateText date={head.earliest_delivery_date} /> : '—'}</dd>
        </div>
        <div>
          <dt>Requested</dt>
          <dd>
            <data value={line.qty}>{`${formatQty(line.qty)} ${line.unit}`}</data>
          </dd>
        </div>
        <div>
          <dt>Discount</dt>
          <dd>{formatPct(line.discount_pct)}</dd>
        </div>
      </dl>

      {line.reasons.length > 0 && (
        <ul className="reasons" aria-label={`Why, line ${index + 1}`}>
          {line.reasons.map((r, i) => (
            <li key={i} data-code={r.code}>
              {r.message}
            </li>
          ))}
        </ul>
      )}

      {line.alternatives.length > 0 && (
        <div className="alternatives" role="group" aria-label={`Alternatives, line ${index + 1}`}>
          {line.alternatives.map((alt, i) => (
            <button key={i} type="button" onClick={() => onApply(alt)} title={alt.message} data-kind={alt.kind}>
              {alternativeLabel(alt, line)}
            </button>
          ))}
        </div>
      )}

      <details className="plan-detail" open={detail} onToggle={(e) => setToggled({ status: line.status, open: e.currentTarget.open })}>
        <summary>Plans, costs and bottleneck, line {index + 1}</summary>
        <table className="plans">
          <caption>Plans, line {index + 1}</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Available by requested date</th>
              <th scope="col">Earliest delivery</th>
              <th scope="col">Goods</th>
              <th scope="col">Overtime</th>
              <th scope="col">Shipping</th>
              <th scope="col">Total cost</th>
              <th scope="col">Revenue</th>
              <th scope="col">Margin</th>
            </tr>
          </thead>
          <tbody>
            {line.plans.map((p) => (
              <tr key={p.kind} data-plan={p.kind} className={p.kind === line.chosen_plan ? 'chosen' : undefined} aria-current={p.kind === line.chosen_plan || undefined}>
                <th scope="row">
                  {PLAN_LABEL[p.kind]}
                  {p.kind === line.chosen_plan && <span className="chosen-mark"> (chosen)</span>}
                </th>
                <td>
                  <Qty n={p.available_by_requested_date} unit={line.unit} />
                </td>
                <td>
                  <DateText date={p.earliest_delivery_date} />
                </td>
                <td>{p.cost ? formatMoney(p.cost.goods, currency) : '—'}</td>
                <td>{p.cost ? formatMoney(p.cost.overtime, currency) : '—'}</td>
                <td>{p.cost ? formatMoney(p.cost.shipping, currency) : '—'}</td>
                <td>{p.cost ? formatMoney(p.cost.total, currency) : '—'}</td>
                <td>{formatMoney(p.revenue, currency)}</td>
                <td>{p.margin_pct === null ? '—' : formatPct(p.margin_pct)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        {detail && <BottleneckFigure line={line} index={index} asOf={asOf} {...(others ? { others } : {})} />}
      </details>
    </article>
  );
}
