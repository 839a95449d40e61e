/**
 * Undo a change from History (issue #15): asks the main process what undoing it would do (rows
 * put back, and which open promises would become or stop being at risk), shows that, and only
 * then undoes it as a new change. Going back changes nothing.
 */
import { useState } from 'react';
import type { ChangeSetView, RevertPreviewView } from '../../../shared/contract-operations';
import { Progress } from '../../components/progress';
import { RiskImpactPanel } from '../../components/risk-impact';
import { notifyDataChanged } from '../../data-events';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd } from '../../hooks/use-session';

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string }
  | { kind: 'preview'; preview: Extract<RevertPreviewView, { ok: true }> }
  | { kind: 'refused'; message: string; problems: string[] }
  | { kind: 'done'; message: string };

export function UndoChange({ change, onClose }: { change: ChangeSetView; onClose: () => void }) {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const label = change.kind === 'import' ? `the import of ${change.source}` : change.source;

  const look = async () => {
    setStep({ kind: 'busy', label: 'Working out what undoing it would do…' });
    const r = await api.call('undo:preview', { change_id: change.id });
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setStep({ kind: 'refused', message: r.error.message, problems: [] });
    }
    const p = r.value;
    setStep(p.ok ? { kind: 'preview', preview: p } : { kind: 'refused', message: p.message, problems: p.problems });
  };

  const undo = async (baseVersion: string) => {
    setStep({ kind: 'busy', label: 'Undoing the change and checking open promises again…' });
    const r = await api.call('undo:apply', { change_id: change.id, base_version: baseVersion });
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setStep({ kind: 'refused', message: r.error.message, problems: [] });
    }
    const a = r.value;
    if (!a.ok) return setStep({ kind: 'refused', message: a.message, problems: a.problems });
    const n = a.at_risk.length;
    setStep({ kind: 'done', message: `Undone as change #${a.change.id} (data version ${a.change.data_version}); ${a.revalidated} open ${a.revalidated === 1 ? 'promise was' : 'promises were'} checked again${n ? `, ${n} now at risk (${a.at_risk.join(', ')})` : ', none is at risk'}.` });
    notifyDataChanged();
  };

  return (
    <section className="undo-change" aria-labelledby={`undo-${change.id}-title`}>
      <h2 id={`undo-${change.id}-title`}>
        Undo change #{change.id}: {label}
      </h2>
      {step.kind === 'idle' && (
        <div className="actions">
          <button type="button" onClick={() => void look()}>
            See what undoing it does
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Go back
          </button>
        </div>
      )}
      <Progress busy={step.kind === 'busy'} label={step.kind === 'busy' ? step.label : ''} />
      {step.kind === 'preview' && (
        <>
          <p>
            Undoing it puts back what was there before: {step.preview.added.toLocaleString()} rows added, {step.preview.changed.toLocaleString()} changed,{' '}
            {step.preview.removed.toLocaleString()} removed, saved as a new change.
          </p>
          <RiskImpactPanel
            impact={step.preview.impact}
            idPrefix={`undo-${change.id}`}
            confirmLabel={step.preview.impact.become_at_risk.length ? 'Undo it anyway' : 'Undo this change'}
            onConfirm={() => void undo(step.preview.base_version)}
            onBack={onClose}
          />
        </>
      )}
      {step.kind === 'refused' && (
        <div className="error-banner" role="alert">
          <p>{step.message}</p>
          {step.problems.length > 0 && (
            <ul>
              {step.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      )}
      {step.kind === 'done' && (
        <p className="saved" role="status">
          {step.message}
        </p>
      )}
    </section>
  );
}
