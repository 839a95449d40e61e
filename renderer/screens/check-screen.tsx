/**
 * The salesperson's check: the request on the left, the answer beside it, updated as they type.
 * The answer shown as current always belongs to the fields on screen; while a newer check is on
 * its way the last answer is dimmed and marked "Updating…".
 */
import { useEffect, useState } from 'react';
import type { AppError, PlantSummary } from '../../shared/contract';
import type { Alternative } from '../../shared/schemas/check';
import { addLineAfter, applyAlternative, initialDraft, isCheckable, issuesByField, removeLine, toRequest, updateLine, type Draft, type FieldKey } from '../check-draft';
import { FieldError } from '../components/field-error';
import { LineAnswer } from '../components/line-answer';
import { LineFields } from '../components/line-fields';
import { Progress } from '../components/progress';
import { StatusBadge } from '../components/status-badge';
import { DateText } from '../components/line-answer';
import { useApi } from '../hooks/use-api';
import { useLiveCheck } from '../hooks/use-live-check';
import { CheckActions } from './promises/check-actions';

export function CheckScreen() {
  const api = useApi();
  const [summary, setSummary] = useState<PlantSummary | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [focusLine, setFocusLine] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('plant:summary').then((r) => {
      if (!live) return;
      if (r.ok) {
        setSummary(r.value);
        setDraft((d) => d ?? initialDraft(r.value));
      } else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (focusLine) document.getElementById(`${focusLine}-sku`)?.focus();
  }, [focusLine]);

  const request = draft && isCheckable(draft) ? toRequest(draft) : null;
  const check = useLiveCheck(request);

  if (loadError) {
    return (
      <section className="screen">
        <h1>Check a request</h1>
        <p className="error-banner" role="alert">
          {loadError.message}
        </p>
      </section>
    );
  }
  if (!summary || !draft) {
    return (
      <section className="screen" aria-busy="true">
        <h1>Check a request</h1>
        <Progress busy label="Loading the plant…" />
      </section>
    );
  }

  const invalid = check.error?.code === 'invalid_request' ? check.error : null;
  const byField = invalid ? issuesByField(invalid.issues ?? [], draft) : new Map<FieldKey | '', string[]>();
  const errorsOf = (k: FieldKey) => byField.get(k);
  const regionModes = summary.regions.find((r) => r.region === draft.region)?.modes ?? ['standard'];
  const result = check.result;
  const addAfter = (id: string | null) => {
    const { draft: d, id: newId } = addLineAfter(draft, id, summary.as_of);
    setDraft(d);
    setFocusLine(newId);
  };
  const apply = (index: number, alt: Alternative) => setDraft(applyAlternative(draft, index, alt));
  const described = (k: 'customer' | 'region' | 'mode') => (errorsOf(k)?.length ? `${k}-error` : undefined);

  return (
    <section className="screen check-screen">
      <h1>Check a request</h1>
      <div className="check-layout">
        <form className="request" aria-label="Request" onSubmit={(e) => e.preventDefault()} noValidate>
          <div className="request-head">
            <div className="field">
              <label htmlFor="customer">Customer</label>
              <input
                id="customer"
                type="text"
                autoComplete="off"
                value={draft.customer}
                aria-invalid={!!described('customer') || undefined}
                aria-describedby={described('customer')}
                onChange={(e) => setDraft({ ...draft, customer: e.target.value })}
              />
              <FieldError id="customer-error" messages={errorsOf('customer')} />
            </div>
            <div className="field">
              <label htmlFor="region">Region</label>
              <select id="region" value={draft.region} aria-invalid={!!described('region') || undefined} aria-describedby={described('region')} onChange={(e) => setDraft({ ...draft, region: e.target.value })}>
                {summary.regions.map((r) => (
                  <option key={r.region} value={r.region}>
                    {r.region}
                  </option>
                ))}
              </select>
              <FieldError id="region-error" messages={errorsOf('region')} />
            </div>
            <div className="field">
              <label htmlFor="mode">Delivery mode</label>
              <select id="mode" value={draft.mode} aria-invalid={!!described('mode') || undefined} aria-describedby={described('mode')} onChange={(e) => setDraft({ ...draft, mode: e.target.value as Draft['mode'] })}>
                <option value="standard">Standard</option>
                <option value="express" disabled={!regionModes.includes('express') && draft.mode !== 'express'}>
                  Express{regionModes.includes('express') ? '' : ' (no express lane)'}
                </option>
              </select>
              <FieldError id="mode-error" messages={errorsOf('mode')} />
            </div>
          </div>
          {draft.lines.map((line, i) => (
            <LineFields
              key={line.id}
              line={line}
              index={i}
              summary={summary}
              errors={(f) => errorsOf(`${line.id}:${f}`)}
              onChange={(l) => setDraft(updateLine(draft, line.id, () => l))}
              onAddAfter={() => addAfter(line.id)}
              onRemove={draft.lines.length > 1 ? () => setDraft(removeLine(draft, line.id)) : null}
            />
          ))}
          <FieldError id="lines-error" messages={errorsOf('lines')} />
          <button type="button" onClick={() => addAfter(null)}>
            Add line
          </button>
        </form>

        <section className="answer" aria-labelledby="answer-title" aria-busy={check.pending}>
          <h2 id="answer-title">Answer</h2>
          <Progress busy={check.pending} label="Checking…" />
          {!request && <p className="muted">Choose a product to see the answer.</p>}
          {check.error && !invalid && (
            <p className="error-banner" role="alert">
              {check.error.message}
            </p>
          )}
          {invalid && (
            <div className={check.stale ? 'stale' : undefined}>
              <p className="error-banner">{invalid.message} Each problem is shown at its field.</p>
              {byField.get('') && (
                <ul className="field-error">
                  {byField.get('')!.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {result && (
            <div className={check.stale ? 'result stale' : 'result'} data-stale={check.stale}>
              {check.stale && <p className="updating">Updating…</p>}
              <div className="request-status" aria-live="polite">
                <span className="visually-hidden">Request status: </span>
                <StatusBadge status={result.status} large />
              </div>
              <p className="meta">
                Data version <code data-field="data-version">{result.data_version}</code> · as of <DateText date={result.as_of} />
              </p>
              {result.warnings.length > 0 && (
                <ul className="warnings" aria-label="Data warnings">
                  {result.warnings.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              )}
              <fieldset className="answer-lines" disabled={check.stale}>
                <legend className="visually-hidden">Lines</legend>
                {result.lines.map((line, i) => (
                  <LineAnswer key={i} line={line} index={i} asOf={result.as_of} currency={result.currency} onApply={(alt) => apply(i, alt)} />
                ))}
              </fieldset>
              <CheckActions request={request} result={result} stale={check.stale} />
            </div>
          )}
        </section>
      </div>
    </section>
  );
}
