/**
 * The salesperson's quote: the request on the left, the answer beside it, updated as they type.
 * The quote is kept per user until it is sent, saved or cleared (use-quote.ts); complete lines are
 * answered while another line is unfinished; numbers are read as the locale writes them. The
 * answer shown as current always belongs to the fields on screen; while a newer check is on its
 * way the last answer is dimmed and marked "Updating…". Print (or Ctrl+P) prints the answer alone.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppError, PlantSummary } from '../../shared/contract';
import type { Alternative } from '../../shared/schemas/check';
import { FieldError } from '../components/field-error';
import { LineFields } from '../components/line-fields';
import { Progress } from '../components/progress';
import { useApi } from '../hooks/use-api';
import { useLiveCheck } from '../hooks/use-live-check';
import { addLineAfter, applyAlternative, buildRequest, issuesByField, removeLine, updateLine, type Draft, type FieldKey } from '../quote/check-draft';
import { localeMarks, type Marks } from '../quote/locale-number';
import { QuoteAnswer } from '../quote/quote-answer';
import { useCustomers } from '../quote/use-customers';
import { useQuote } from '../quote/use-quote';
import { CheckActions } from './promises/check-actions';

export function CheckScreen({ marks: given }: { marks?: Marks } = {}) {
  const api = useApi();
  const marks = useMemo(() => given ?? localeMarks(), [given]);
  const [summary, setSummary] = useState<PlantSummary | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const quote = useQuote(summary);
  const draft = quote.draft;
  const [focusLine, setFocusLine] = useState<string | null>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const customers = useCustomers();

  useEffect(() => {
    let live = true;
    void api.call('plant:summary').then((r) => {
      if (!live) return;
      if (r.ok) setSummary(r.value);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  // Focus lands in Customer when the quote is first shown.
  const ready = !!draft;
  useEffect(() => {
    if (ready) customerRef.current?.focus();
  }, [ready]);
  useEffect(() => {
    if (focusLine) document.getElementById(`${focusLine}-sku`)?.focus();
  }, [focusLine]);
  // Ctrl+P (and ⌘P) prints the answer alone: the print style sheet hides the rest.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        window.print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const built = useMemo(() => (draft && summary ? buildRequest(draft, summary, marks) : null), [draft, summary, marks]);
  const check = useLiveCheck(built?.request ?? null);

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
  if (!summary || !draft || !built) {
    return (
      <section className="screen" aria-busy="true">
        <h1>Check a request</h1>
        <Progress busy label="Loading the plant…" />
      </section>
    );
  }

  const setDraft = (d: Draft) => quote.setDraft(d);
  const invalid = check.error?.code === 'invalid_request' ? check.error : null;
  // Engine issues name request lines; the request holds only the complete lines (built.sent).
  const sentDraft = { ...draft, lines: built.sent.map((i) => draft.lines[i]!) };
  const byField = invalid ? issuesByField(invalid.issues ?? [], sentDraft) : new Map<FieldKey | '', string[]>();
  const errorsOf = (k: FieldKey) => byField.get(k);
  const lineErrors = (id: string, f: 'sku' | 'qty' | 'requested_date' | 'unit_price') => {
    const local = built.needs.get(id)?.errors[f];
    const engine = errorsOf(`${id}:${f}`);
    return local ? [local, ...(engine ?? [])] : engine;
  };
  const regionModes = summary.regions.find((r) => r.region === draft.region)?.modes ?? ['standard'];
  const addAfter = (id: string | null) => {
    const { draft: d, id: newId } = addLineAfter(draft, id, summary.as_of);
    setDraft(d);
    setFocusLine(newId);
  };
  const apply = (index: number, alt: Alternative) => setDraft(applyAlternative(draft, index, alt));
  const described = (k: 'customer' | 'region' | 'mode') => (errorsOf(k)?.length ? `${k}-error` : undefined);
  const unfinished = draft.lines.map((l, i) => (built.needs.has(l.id) ? i + 1 : 0)).filter(Boolean);
  const blocked =
    unfinished.length > 0
      ? `Finish or remove line ${unfinished.join(', ')} to confirm, submit or save.`
      : draft.customer.trim() === ''
        ? 'Type the customer to confirm, submit or save (a check needs none).'
        : null;

  return (
    <section className="screen check-screen">
      <div className="screen-head">
        <h1>Check a request</h1>
        {quote.notice && (
          <p className="hint" role="status">
            {quote.notice}
          </p>
        )}
        <button type="button" className="secondary no-print" onClick={quote.clear}>
          New quote
        </button>
      </div>
      <div className="check-layout">
        <form className="request" aria-label="Request" onSubmit={(e) => e.preventDefault()} noValidate>
          <div className="request-head">
            <div className="field">
              <label htmlFor="customer">Customer</label>
              <input
                id="customer"
                ref={customerRef}
                type="text"
                autoComplete="off"
                list="customers-used"
                value={draft.customer}
                aria-invalid={!!described('customer') || undefined}
                aria-describedby={described('customer')}
                onChange={(e) => setDraft({ ...draft, customer: e.target.value })}
              />
              <datalist id="customers-used">
                {customers.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
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
              marks={marks}
              errors={(f) => lineErrors(line.id, f)}
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

        <QuoteAnswer
          draft={draft}
          built={built}
          check={check}
          byField={byField}
          onApply={apply}
          actions={<CheckActions request={blocked ? null : built.request} result={check.result} stale={check.stale} blocked={blocked} from={quote.from} onDone={quote.done} />}
        />
      </div>
    </section>
  );
}
