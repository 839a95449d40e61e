/**
 * Promises: search and filter every promise (status, customer, product, dates, at risk), newest
 * first; each row links to the promise's page. The list follows the filters as they change.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError, PlantSummary } from '../../../shared/contract';
import { PROMISE_STATES, type PromiseFilterInput, type PromiseRow, type PromiseState } from '../../../shared/contract-promises';
import { Progress } from '../../components/progress';
import { useDataChanged } from '../../data-events';
import { formatDate, formatMoney, formatQty } from '../../format';
import { useApi } from '../../hooks/use-api';
import { useSession } from '../../hooks/use-session';
import { hrefTo } from '../../navigation';
import { RiskFlag, StateBadge, STATE_LABEL } from './promise-status';
import './promises.css';

interface Filters {
  status: PromiseState[];
  customer: string;
  product: string;
  dates: 'created' | 'delivery';
  from: string;
  to: string;
  atRisk: boolean;
}

const NONE: Filters = { status: [], customer: '', product: '', dates: 'created', from: '', to: '', atRisk: false };
const LIMIT = 200;

function query(f: Filters): PromiseFilterInput {
  return {
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.customer.trim() ? { customer: f.customer.trim() } : {}),
    ...(f.product ? { product: f.product } : {}),
    ...(f.from || f.to ? { dates: f.dates, ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) } : {}),
    ...(f.atRisk ? { at_risk: true } : {}),
    limit: LIMIT,
  };
}

/** A salesperson's own drafts come first (quotes they are still working on), then the rest as listed. */
export function ownDraftsFirst(rows: readonly PromiseRow[], me: string | null): PromiseRow[] {
  const mine = (r: PromiseRow) => r.status === 'draft' && r.created_by === me;
  return [...rows.filter(mine), ...rows.filter((r) => !mine(r))];
}

export function PromisesScreen() {
  const api = useApi();
  const me = useSession().session?.user?.name ?? null;
  const [filters, setFilters] = useState<Filters>(NONE);
  const [answer, setAnswer] = useState<{ key: string; rows: PromiseRow[]; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [products, setProducts] = useState<PlantSummary['products']>([]);
  const [reload, setReload] = useState(0);
  const key = JSON.stringify(query(filters));

  useEffect(() => {
    void api.call('plant:summary').then((r) => r.ok && setProducts(r.value.products.filter((p) => p.list_price !== null)));
  }, [api]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void api.call('promises:list', JSON.parse(key) as PromiseFilterInput).then((r) => {
        if (!live) return;
        if (r.ok) {
          setAnswer({ key, rows: ownDraftsFirst(r.value.promises, me), total: r.value.total });
          setError(null);
        } else setError(r.error);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, key, reload, me]);
  useDataChanged(useCallback(() => setReload((n) => n + 1), []));

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  const toggle = (s: PromiseState, on: boolean) => set({ status: on ? [...filters.status, s] : filters.status.filter((x) => x !== s) });
  const pending = answer?.key !== key;

  return (
    <section className="screen promises-screen">
      <h1>Promises</h1>
      <form className="panel filters" aria-label="Filter promises" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="status-filter">
          <legend>Status</legend>
          {PROMISE_STATES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={filters.status.includes(s)} onChange={(e) => toggle(s, e.target.checked)} /> {STATE_LABEL[s]}
            </label>
          ))}
        </fieldset>
        <div className="filter-row">
          <div className="field">
            <label htmlFor="filter-customer">Customer</label>
            <input id="filter-customer" type="search" value={filters.customer} onChange={(e) => set({ customer: e.target.value })} placeholder="Part of the name" />
          </div>
          <div className="field">
            <label htmlFor="filter-product">Product</label>
            <select id="filter-product" value={filters.product} onChange={(e) => set({ product: e.target.value })}>
              <option value="">Any product</option>
              {products.map((p) => (
                <option key={p.sku} value={p.sku}>
                  {p.sku} — {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-dates">Dates of</label>
            <select id="filter-dates" value={filters.dates} onChange={(e) => set({ dates: e.target.value as Filters['dates'] })}>
              <option value="created">Made on</option>
              <option value="delivery">Requested delivery</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-from">From</label>
            <input id="filter-from" type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">To</label>
            <input id="filter-to" type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
          </div>
          <label className="check at-risk-filter">
            <input type="checkbox" checked={filters.atRisk} onChange={(e) => set({ atRisk: e.target.checked })} /> At risk only
          </label>
          <button type="button" className="secondary" onClick={() => setFilters(NONE)} disabled={key === JSON.stringify(query(NONE))}>
            Clear filters
          </button>
        </div>
      </form>
      <Progress busy={pending && !error} label="Searching…" />
      {error && (
        <p className="error-banner" role="alert">
          {error.message}
        </p>
      )}
      {answer && (
        <div className={pending ? 'stale' : undefined}>
          <p className="meta" role="status">
            {answer.total === 0 ? 'No promise matches.' : answer.total > answer.rows.length ? `Showing the newest ${formatQty(answer.rows.length)} of ${formatQty(answer.total)} promises.` : `${formatQty(answer.total)} ${answer.total === 1 ? 'promise' : 'promises'}.`}
          </p>
          {answer.rows.length > 0 && <PromiseTable rows={answer.rows} />}
        </div>
      )}
    </section>
  );
}

function PromiseTable({ rows }: { rows: PromiseRow[] }) {
  return (
    <table className="promise-table">
      <caption className="visually-hidden">Promises, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Promise</th>
          <th scope="col">Status</th>
          <th scope="col">Customer</th>
          <th scope="col">Lines</th>
          <th scope="col">Value</th>
          <th scope="col">Made</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} data-id={p.id}>
            <th scope="row">
              <a href={hrefTo('promise', p.id)}>{p.id}</a>
            </th>
            <td>
              <StateBadge state={p.status} /> {p.at_risk && <RiskFlag />}
            </td>
            <td>
              {p.customer} <span className="muted">{p.region}</span>
            </td>
            <td>
              {p.lines.map((l, i) => (
                <div key={i}>
                  {formatQty(l.qty)} × {l.sku}, <time dateTime={l.requested_date}>{formatDate(l.requested_date)}</time>
                </div>
              ))}
            </td>
            <td>{formatMoney(p.revenue, p.currency)}</td>
            <td>
              <time dateTime={p.created_at.slice(0, 10)}>{formatDate(p.created_at.slice(0, 10))}</time> <span className="muted">by {p.created_by}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
