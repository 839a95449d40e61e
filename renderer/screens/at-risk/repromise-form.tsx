/**
 * Re-promising one at-risk promise: new dates or quantities per line, checked against the current
 * tables with this promise's own holds released, then confirmed by the salesperson. Confirming
 * records a new promise and cancels the old one in one step; until then nothing changes.
 */
import { useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { AtRiskPromiseView } from '../../../shared/contract-operations';
import type { CheckResult } from '../../../shared/schemas/check';
import { StatusBadge } from '../../components/status-badge';
import { notifyDataChanged } from '../../data-events';
import { formatDate, formatQty } from '../../format';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd } from '../../hooks/use-session';

type Line = AtRiskPromiseView['lines'][number];

export function RepromiseForm({ promise, onDone }: { promise: AtRiskPromiseView; onDone(message: string): void }) {
  const api = useApi();
  const [lines, setLines] = useState<{ qty: string; date: string }[]>(promise.lines.map((l) => ({ qty: String(l.qty), date: l.requested_date })));
  const [checked, setChecked] = useState<{ key: string; result: CheckResult } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = promise.lines.map((l: Line, i) => ({ sku: l.sku, qty: Number(lines[i]!.qty), requested_date: lines[i]!.date, unit_price: l.unit_price }));
  const key = JSON.stringify(request);
  const fresh = checked?.key === key ? checked.result : null;
  const say = (e: AppError) => {
    noticeSessionEnd(e);
    setProblem(e.issues?.length ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : e.message);
  };

  const check = async () => {
    setBusy(true);
    setProblem(null);
    const r = await api.call('risk:recheck', { id: promise.id, lines: request });
    setBusy(false);
    if (r.ok) setChecked({ key, result: r.value });
    else say(r.error);
  };

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    const r = await api.call('risk:repromise', { id: promise.id, lines: request });
    setBusy(false);
    if (!r.ok) return say(r.error);
    if (r.value.confirmed) {
      notifyDataChanged();
      onDone(`Re-promised: ${r.value.id} is confirmed and replaces ${r.value.replaces}, which is cancelled.`);
    } else {
      if (r.value.result) setChecked({ key, result: r.value.result });
      setProblem(r.value.message);
    }
  };

  const id = (i: number, f: string) => `repromise-${promise.id}-${i}-${f}`;
  return (
    <form
      className="repromise"
      aria-label={`Re-promise ${promise.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void check();
      }}
    >
      {promise.lines.map((l, i) => (
        <fieldset key={i} className="line">
          <legend>
            Line {i + 1}: {l.sku} at {l.unit_price} each (was {formatQty(l.qty)} by {formatDate(l.requested_date)})
          </legend>
          <div className="field">
            <label htmlFor={id(i, 'qty')}>Quantity</label>
            <input
              id={id(i, 'qty')}
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={lines[i]!.qty}
              onChange={(e) => setLines((ls) => ls.map((x, k) => (k === i ? { ...x, qty: e.target.value } : x)))}
            />
          </div>
          <div className="field">
            <label htmlFor={id(i, 'date')}>Requested date</label>
            <input id={id(i, 'date')} type="date" value={lines[i]!.date} onChange={(e) => setLines((ls) => ls.map((x, k) => (k === i ? { ...x, date: e.target.value } : x)))} />
          </div>
          {fresh?.lines[i] && (
            <div className="line-check">
              <StatusBadge status={fresh.lines[i].status} />
              {fresh.lines[i].reasons.length > 0 && (
                <ul className="reasons">
                  {fresh.lines[i].reasons.map((r, k) => (
                    <li key={k}>{r.message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          Check these dates and quantities
        </button>
        <button type="button" disabled={busy || fresh?.status !== 'ok'} onClick={() => void confirm()}>
          Confirm the re-promise
        </button>
      </div>
      {fresh && fresh.status !== 'ok' && <p className="hint">Only an answer that is OK can be confirmed here; change the dates or quantities and check again.</p>}
      {problem && (
        <p className="error-banner" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
