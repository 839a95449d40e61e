/**
 * Promises at risk: open promises that no longer fit since the tables changed, each with its
 * reasons in words and the two ways to resolve it: re-promise (new dates or quantities, checked
 * and confirmed) or cancel. Nothing is dropped on its own: a promise stays here until resolved
 * or until a later change makes it fit again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { AtRiskPromiseView } from '../../../shared/contract-operations';
import { Progress } from '../../components/progress';
import { notifyDataChanged, useDataChanged } from '../../data-events';
import { formatDate, formatQty } from '../../format';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd } from '../../hooks/use-session';
import { RepromiseForm } from './repromise-form';
import './at-risk.css';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function AtRiskScreen() {
  const api = useApi();
  const [list, setList] = useState<AtRiskPromiseView[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [open, setOpen] = useState<{ id: string; action: 'repromise' | 'cancel' } | null>(null);
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.call('risk:list');
    if (r.ok) {
      setList(r.value);
      setError(null);
    } else setError(r.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  useDataChanged(useCallback(() => void load(), [load]));

  const cancel = async (id: string) => {
    setBusy(true);
    const r = await api.call('risk:cancel', { id, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setBusy(false);
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setMessage(r.error.message);
    }
    setOpen(null);
    setComment('');
    setMessage(`${id} is cancelled; what it held is free again.`);
    notifyDataChanged();
  };

  return (
    <section className="screen at-risk-screen" aria-busy={list === null}>
      <h1>Promises at risk</h1>
      <Progress busy={list === null && !error} label="Loading the promises at risk…" />
      {error && (
        <p className="error-banner" role="alert">
          {error.message}
        </p>
      )}
      {message && (
        <p className="saved" role="status">
          {message}
        </p>
      )}
      {list && list.length === 0 && <p>No promise is at risk: every open promise still fits the current tables.</p>}
      {list && list.length > 0 && (
        <p>
          {list.length} open {list.length === 1 ? 'promise no longer fits' : 'promises no longer fit'} the current tables. Each stays here until it is re-promised,
          cancelled, or fits again after a later change.
        </p>
      )}
      <ul className="risk-list">
        {list?.map((p) => (
          <li key={p.id}>
            <article className="risk" aria-labelledby={`risk-${p.id}`}>
              <header>
                <h2 id={`risk-${p.id}`}>
                  {p.id}: {p.customer}
                </h2>
                <span className="meta">
                  {p.status === 'confirmed' ? 'confirmed' : 'awaiting approval'}
                  {p.confirmed_at ? ` ${when.format(new Date(p.confirmed_at))}` : p.submitted_at ? ` since ${when.format(new Date(p.submitted_at))}` : ''} by {p.created_by} ·{' '}
                  {p.region}, {p.mode}
                </span>
              </header>
              <h3>Why it is at risk</h3>
              <ul className="reasons">
                {p.reasons.map((r, i) => (
                  <li key={i}>{r.message}</li>
                ))}
              </ul>
              <h3>What was promised</h3>
              <ul>
                {p.lines.map((l, i) => (
                  <li key={i}>
                    {formatQty(l.qty)} × {l.sku} by {formatDate(l.requested_date)} at {l.unit_price}
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button type="button" aria-expanded={open?.id === p.id && open.action === 'repromise'} onClick={() => setOpen(open?.id === p.id && open.action === 'repromise' ? null : { id: p.id, action: 'repromise' })}>
                  Re-promise…
                </button>
                <button type="button" className="secondary" aria-expanded={open?.id === p.id && open.action === 'cancel'} onClick={() => setOpen(open?.id === p.id && open.action === 'cancel' ? null : { id: p.id, action: 'cancel' })}>
                  Cancel the promise…
                </button>
              </div>
              {open?.id === p.id && open.action === 'repromise' && (
                <RepromiseForm
                  promise={p}
                  onDone={(m) => {
                    setOpen(null);
                    setMessage(m);
                  }}
                />
              )}
              {open?.id === p.id && open.action === 'cancel' && (
                <div className="cancel">
                  <div className="field">
                    <label htmlFor={`cancel-${p.id}`}>Why (for the record, optional)</label>
                    <input id={`cancel-${p.id}`} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
                  </div>
                  <div className="actions">
                    <button type="button" disabled={busy} onClick={() => void cancel(p.id)}>
                      Cancel {p.id}
                    </button>
                    <button type="button" className="secondary" onClick={() => setOpen(null)}>
                      Keep it
                    </button>
                  </div>
                </div>
              )}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
