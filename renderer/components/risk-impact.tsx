/**
 * The damage before saving (issue #15): the open promises a change would put at risk, and those
 * it would take out of risk, each with its reasons, and a way back. Used by the tables' save, the
 * workbook import and a revert from History, so the three read alike.
 */
import { useEffect, useRef } from 'react';
import type { RiskImpactView } from '../../shared/contract-operations';

const promises = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'promise' : 'promises'}`;

/** One sentence: "2 promises would become at risk; 1 would no longer be at risk." */
export function sayImpact(i: RiskImpactView): string {
  const become = i.become_at_risk.length;
  const stop = i.stop_at_risk.length;
  if (become === 0 && stop === 0)
    return i.open === 0 ? 'There are no open promises to affect.' : `No open promise changes its risk (${promises(i.open)} checked${i.stay_at_risk ? `, ${i.stay_at_risk.toLocaleString()} still at risk` : ''}).`;
  const parts: string[] = [];
  if (become) parts.push(`${promises(become)} would become at risk`);
  if (stop) parts.push(`${become ? stop.toLocaleString() : promises(stop)} would no longer be at risk`);
  return `${parts.join('; ')}.`;
}

export const changesRisk = (i: RiskImpactView) => i.become_at_risk.length + i.stop_at_risk.length > 0;

function PromiseList({ title, list, id }: { title: string; list: RiskImpactView['become_at_risk']; id: string }) {
  if (list.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <ul className="impact-list">
        {list.map((p) => (
          <li key={p.id}>
            <strong>{p.id}</strong> for {p.customer}
            <ul>
              {p.reasons.map((r, k) => (
                <li key={k}>{r.message}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The impact with its two lists. With `onConfirm` it is a step before a change: the confirm
 * button says what it does ("Save anyway"), and "Go back" keeps everything as it was.
 */
export function RiskImpactPanel(props: { impact: RiskImpactView; idPrefix: string; confirmLabel?: string; onConfirm?: () => void; onBack?: () => void; busy?: boolean }) {
  const { impact, idPrefix } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // A step the person must decide on: take the focus there, so a keyboard or screen reader lands on it.
  // After the click that asked has settled (a grid would take its focus back on the same tick).
  const asks = props.onConfirm !== undefined;
  useEffect(() => {
    if (!asks) return;
    const t = setTimeout(() => heading.current?.focus(), 0);
    return () => clearTimeout(t);
  }, [asks]);
  const become = impact.become_at_risk.length > 0;
  return (
    <section className={`risk-impact${become ? ' risk-impact-warn' : ''}`} aria-labelledby={`${idPrefix}-impact-title`}>
      <h3 id={`${idPrefix}-impact-title`} ref={heading} tabIndex={-1}>
        {props.onConfirm ? 'Before you go on: ' : ''}
        {sayImpact(impact)}
      </h3>
      <PromiseList id={`${idPrefix}-become`} title="Would become at risk" list={impact.become_at_risk} />
      <PromiseList id={`${idPrefix}-stop`} title="Would no longer be at risk (why they were)" list={impact.stop_at_risk} />
      {props.onConfirm && (
        <div className="actions">
          <button type="button" onClick={props.onConfirm} disabled={props.busy}>
            {props.confirmLabel ?? 'Go on'}
          </button>
          {props.onBack && (
            <button type="button" className="secondary" onClick={props.onBack} disabled={props.busy}>
              Go back
            </button>
          )}
        </div>
      )}
    </section>
  );
}
