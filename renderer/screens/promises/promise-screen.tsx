/**
 * One promise's page (`#/promise/<id>`): what was promised to whom, its state and who moved it
 * there, its lines with their plans, what it holds, its approvals and history, and what the
 * signed-in user may do with it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { PromiseDetail } from '../../../shared/contract-promises';
import { Progress } from '../../components/progress';
import { useDataChanged } from '../../data-events';
import { formatMoney } from '../../format';
import { useApi } from '../../hooks/use-api';
import { hrefTo, useRoute } from '../../navigation';
import { PromiseActions } from './promise-actions';
import { ApprovalsSection, HistorySection, HoldsSection, LinesSection } from './promise-sections';
import { RiskFlag, StateBadge } from './promise-status';
import { formatDateTime } from './when';
import './promises.css';

export function PromiseScreen() {
  const api = useApi();
  const { param: id } = useRoute();
  const [p, setP] = useState<PromiseDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    if (!id) return;
    const r = await api.call('promises:get', { id });
    if (r.ok) {
      setP(r.value);
      setError(null);
    } else setError(r.error);
  }, [api, id]);
  useEffect(() => {
    setP(null);
    void load();
  }, [load]);
  useDataChanged(useCallback(() => void load(), [load]));

  return (
    <section className="screen promise-screen" aria-busy={!p && !error}>
      <p className="crumb">
        <a href={hrefTo('promises')}>All promises</a>
      </p>
      {!id && <p className="error-banner">No promise named: open one from the list.</p>}
      {error && (
        <>
          <h1>Promise {id}</h1>
          <p className="error-banner" role="alert">
            {error.message}
          </p>
        </>
      )}
      <Progress busy={!!id && !p && !error} label="Loading the promise…" />
      {p && p.id === id && (
        <>
          <header className="promise-head">
            <h1>
              {p.id} · {p.customer}
            </h1>
            <StateBadge state={p.status} /> {p.at_risk && <RiskFlag />}
            <span className="reuse">
              {p.status === 'draft' && (
                <a className="button-link" href={hrefTo('check', p.id)}>
                  Continue in Check
                </a>
              )}
              <a className="button-link secondary" href={hrefTo('check', `copy-${p.id}`)}>
                Copy into a new quote
              </a>
            </span>
          </header>
          <dl className="facts">
            <div>
              <dt>Region, delivery</dt>
              <dd>
                {p.region}, {p.mode}
              </dd>
            </div>
            <div>
              <dt>Value</dt>
              <dd>{formatMoney(p.revenue, p.currency)}</dd>
            </div>
            <div>
              <dt>Made by</dt>
              <dd>
                {p.created_by}, <time dateTime={p.created_at}>{formatDateTime(p.created_at)}</time>
              </dd>
            </div>
            {p.confirmed_at && (
              <div>
                <dt>Confirmed</dt>
                <dd>
                  <time dateTime={p.confirmed_at}>{formatDateTime(p.confirmed_at)}</time>
                </dd>
              </div>
            )}
            {p.status === 'awaiting_approval' && p.hold_expires_at && (
              <div>
                <dt>Capacity held until</dt>
                <dd>
                  <time dateTime={p.hold_expires_at}>{formatDateTime(p.hold_expires_at)}</time>
                </dd>
              </div>
            )}
          </dl>
          {p.at_risk && (
            <div className="warnings" role="note">
              <p>At risk since the tables changed:</p>
              <ul>
                {p.risk_reasons.map((r, i) => (
                  <li key={i}>{r.message}</li>
                ))}
              </ul>
            </div>
          )}
          <PromiseActions key={p.id} p={p} onChanged={() => void load()} />
          <LinesSection p={p} />
          <div className="two-columns">
            <ApprovalsSection p={p} />
            <HoldsSection p={p} />
          </div>
          <HistorySection p={p} />
        </>
      )}
    </section>
  );
}
