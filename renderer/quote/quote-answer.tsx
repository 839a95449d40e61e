/**
 * The answer beside the quote: per line in the quote's order, the answer of a complete line (kept
 * while another line is unfinished) or what an unfinished line still needs, in words. Then Print
 * (the answer alone, laid out for paper) and Copy as text (the customer sentences), and what the
 * answer can become (CheckActions).
 */
import { useState } from 'react';
import type { AppError } from '../../shared/contract';
import type { Alternative, CheckResult } from '../../shared/schemas/check';
import { plansBefore } from '../bottleneck-data';
import { DateText, LineAnswer } from '../components/line-answer';
import { Progress } from '../components/progress';
import { StatusBadge } from '../components/status-badge';
import type { LiveCheck } from '../hooks/use-live-check';
import type { Built, Draft, FieldKey } from './check-draft';
import { listWords } from './check-draft';
import { quoteText } from './quote-sentences';

interface Props {
  draft: Draft;
  built: Built;
  check: LiveCheck;
  /** Engine field errors by field (for lines sent), and those naming no field under ''. */
  byField: Map<FieldKey | '', string[]>;
  onApply(draftIndex: number, alt: Alternative): void;
  actions: React.ReactNode;
}

export function QuoteAnswer({ draft, built, check, byField, onApply, actions }: Props) {
  const result = check.result;
  const invalid = check.error?.code === 'invalid_request' ? check.error : null;
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (r: CheckResult) => {
    try {
      await navigator.clipboard.writeText(quoteText(r, draft.customer));
      setCopied('Copied the customer sentences: paste them into an e-mail.');
    } catch {
      setCopied('The clipboard is not available here: select the sentences and copy them.');
    }
  };

  return (
    <section className="answer" aria-labelledby="answer-title" aria-busy={check.pending}>
      <h2 id="answer-title">Answer</h2>
      <Progress busy={check.pending} label="Checking…" />
      {!built.request && <NothingYet draft={draft} built={built} />}
      {check.error && !invalid && <ErrorBanner error={check.error} />}
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
      {result && built.request && (
        <div className={check.stale ? 'result stale' : 'result'} data-stale={check.stale}>
          {check.stale && <p className="updating">Updating…</p>}
          <div className="print-only print-head">
            <p>
              {draft.customer.trim() ? `Quote for ${draft.customer.trim()}` : 'Quote'} · delivery to {result.region}
              {result.mode === 'express' ? ' (express)' : ''} · as of <DateText date={result.as_of} />
            </p>
          </div>
          <div className="request-status" aria-live="polite">
            <span className="visually-hidden">Request status: </span>
            <StatusBadge status={result.status} large />
            {built.needs.size > 0 && <span className="hint"> for the complete lines; the others are not checked yet</span>}
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
            {draft.lines.map((line, i) => {
              const k = built.sent.indexOf(i);
              const answer = k >= 0 ? result.lines[k] : undefined;
              if (answer && answer.sku === line.sku.trim())
                return <LineAnswer key={line.id} line={answer} index={i} asOf={result.as_of} currency={result.currency} onApply={(alt) => onApply(i, alt)} others={plansBefore(result.lines, k)} />;
              const needs = built.needs.get(line.id);
              return (
                <article key={line.id} className="line-answer unfinished" aria-labelledby={`answer-line-${i}`} data-line={i}>
                  <header>
                    <h3 id={`answer-line-${i}`}>
                      Line {i + 1}
                      {line.sku.trim() ? `: ${line.sku.trim()}` : ''}
                    </h3>
                    <span className="badge badge-unfinished">Not checked yet</span>
                  </header>
                  <p className="tell">{needsSentence(i, needs)}</p>
                </article>
              );
            })}
          </fieldset>
          <div className="share no-print">
            <button type="button" className="secondary" onClick={() => window.print()} title="Prints the answer alone (Ctrl+P)">
              Print
            </button>
            <button type="button" className="secondary" disabled={check.stale} onClick={() => void copy(result)}>
              Copy as text
            </button>
            {copied && (
              <span role="status" className="hint">
                {copied}
              </span>
            )}
          </div>
          {actions}
        </div>
      )}
    </section>
  );
}

/** No line is complete yet: say what each started line still needs. */
function NothingYet({ draft, built }: { draft: Draft; built: Built }) {
  const started = draft.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.sku.trim() !== '' || l.qty.trim() !== '');
  if (started.length === 0) return <p className="muted">Choose a product, a quantity and a date to see the answer.</p>;
  return (
    <ul className="muted needs">
      {started.map(({ l, i }) => (
        <li key={l.id}>{needsSentence(i, built.needs.get(l.id)).replace(/; the other lines are answered without it\.$/, '.')}</li>
      ))}
    </ul>
  );
}

function needsSentence(i: number, needs: { missing: string[]; errors: Record<string, string | undefined> } | undefined): string {
  if (!needs) return `Line ${i + 1} is being checked.`;
  const typedWrong = Object.keys(needs.errors).map((f) => FIELD_WORDS[f] ?? f);
  const parts = [];
  if (needs.missing.length) parts.push(`still needs ${listWords(needs.missing)}`);
  if (typedWrong.length) parts.push(`has ${listWords(typedWrong)} that cannot be read (see the field)`);
  return `Line ${i + 1} ${parts.join(' and ')}; the other lines are answered without it.`;
}

const FIELD_WORDS: Record<string, string> = { sku: 'a product', qty: 'a quantity', requested_date: 'a delivery date', unit_price: 'a unit price' };

function ErrorBanner({ error }: { error: AppError }) {
  return (
    <p className="error-banner" role="alert">
      {error.message}
    </p>
  );
}
