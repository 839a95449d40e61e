/**
 * Re-promising one at-risk promise: new dates or quantities per line, checked against the current
 * tables with this promise's own holds released, then confirmed by the salesperson, or, when the
 * new check needs approval, submitted for it (never a dead end). Each line's answer says what to
 * tell the customer, its earliest delivery and its alternatives (a later date can be taken with one
 * button). Confirming or submitting records a new promise and cancels the old one in one step.
 */
import { useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { AtRiskPromiseView } from '../../../shared/contract-operations';
import type { CheckResult } from '../../../shared/schemas/check';
import { DateText } from '../../components/line-answer';
import { StatusBadge } from '../../components/status-badge';
import { customerSentence } from '../../quote/quote-sentences';
import { approversText, reasonsOf } from '../promises/approvers';
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

  const confirm = async (submit: boolean) => {
    setBusy(true);
    setProblem(null);
    const r = await api.call('risk:repromise', { id: promise.id, lines: request, ...(submit ? { submit: true } : {}) });
    setBusy(false);
    if (!r.ok) return say(r.error);
    if (r.value.confirmed) {
      notifyDataChanged();
      onDone(
        r.value.status === 'awaiting_approval'
          ? `Re-promised: ${r.value.id} is submitted for approval by ${approversText(reasonsOf(r.value.result))} and replaces ${r.value.replaces}, which is cancelled.`
          : `Re-promised: ${r.value.id} is confirmed and replaces ${r.value.replaces}, which is cancelled.`,
      );
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
              <p className="tell">{customerSentence(fresh.lines[i])}</p>
              <p>
                Earliest delivery: <DateText date={fresh.lines[i].plans[0]?.earliest_delivery_date ?? null} />
              </p>
              {fresh.lines[i].alternatives.length > 0 && (
                <ul className="alternatives-list" aria-label={`Alternatives, line ${i + 1}`}>
                  {fresh.lines[i].alternatives.map((a, k) => (
                    <li key={k}>
                      {a.message}{' '}
                      {a.kind !== 'partial' && (
                        <button type="button" className="secondary" onClick={() => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, date: a.deliveries[0]!.date } : x)))}>
                          Use {formatDate(a.deliveries[0]!.date)}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
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
        {fresh?.status === 'needs_approval' ? (
          <button type="button" disabled={busy} onClick={() => void confirm(true)}>
            Submit the re-promise for approval
          </button>
        ) : (
          <button type="button" disabled={busy || fresh?.status !== 'ok'} onClick={() => void confirm(false)}>
            Confirm the re-promise
          </button>
        )}
      </div>
      {fresh?.status === 'needs_approval' && <p className="hint">Needs approval by {approversText(reasonsOf(fresh))}; submitting holds the capacity until they decide.</p>}
      {fresh?.status === 'not_feasible' && <p className="hint">These dates and quantities cannot be met: take an alternative or change them, and check again.</p>}
      {problem && (
        <p className="error-banner" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
