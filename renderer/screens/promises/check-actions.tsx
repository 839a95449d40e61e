/**
 * What the Check screen's answer can become: a draft, a confirmed promise (when the answer is
 * OK), or a promise submitted for approval (when it needs approval, naming who must approve).
 * The main process checks again when asked, so a refusal (someone took the capacity meanwhile)
 * says why. After a promise is made from these fields the buttons rest until the fields change,
 * so a second click cannot make a second promise.
 */
import { useEffect, useRef, useState } from 'react';
import type { PromiseAnswer } from '../../../shared/contract-promises';
import type { CheckRequestInput, CheckResult } from '../../../shared/schemas/check';
import { Progress } from '../../components/progress';
import { notifyDataChanged } from '../../data-events';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd } from '../../hooks/use-session';
import { hrefTo } from '../../navigation';
import { approversText, reasonsOf } from './approvers';
import { humanTimes } from './when';

type Verb = 'draft' | 'confirm' | 'submit';
const CHANNEL = { draft: 'promises:draft', confirm: 'promises:confirm', submit: 'promises:submit' } as const;

interface Props {
  request: CheckRequestInput | null;
  result: CheckResult | null;
  /** The answer on screen belongs to older fields: act only on a current answer. */
  stale: boolean;
  /** Why the quote cannot be sent or saved yet ("Type the customer…"), or null. */
  blocked?: string | null;
  /** The saved draft these fields continue: once they become a promise or a new draft, it is cancelled. */
  from?: string | null;
  /** A promise or draft was made from these fields (the kept quote is done). */
  onDone?(answer: { id: string; status: string }): void;
}

export function CheckActions({ request, result, stale, blocked = null, from = null, onDone }: Props) {
  const api = useApi();
  const said = useRef<HTMLParagraphElement>(null);
  const key = request ? JSON.stringify(request) : '';
  const [outcome, setOutcome] = useState<{ key: string; verb: Verb; answer: PromiseAnswer } | { key: string; verb: Verb; error: string } | null>(null);
  const [busy, setBusy] = useState<Verb | null>(null);
  // The result message takes the focus, so it is read out and Tab continues from there.
  useEffect(() => {
    if (outcome) said.current?.focus();
  }, [outcome]);
  if (!result) return null;

  const shown = outcome?.key === key ? outcome : null;
  const made = shown && 'answer' in shown && shown.answer.done;
  const act = async (verb: Verb) => {
    setBusy(verb);
    if (!request) return;
    const r = await api.call(CHANNEL[verb], { request });
    setBusy(null);
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setOutcome({ key, verb, error: r.error.message });
    }
    setOutcome({ key, verb, answer: r.value });
    if (r.value.done) {
      // The draft it continued is replaced by what was just made (a refusal leaves it as it was).
      if (from && from !== r.value.id) await api.call('promises:cancel', { id: from, comment: `Continued as ${r.value.id}` });
      notifyDataChanged();
      onDone?.(r.value);
    }
  };
  const disabled = stale || busy !== null || !!made || blocked !== null;

  return (
    <section className="check-actions" aria-label="Make a promise">
      {result.status === 'needs_approval' && <p className="approvers">Needs approval by {approversText(reasonsOf(result))}.</p>}
      {blocked && <p className="hint blocked">{blocked}</p>}
      <div className="actions">
        {result.status === 'ok' && (
          <button type="button" disabled={disabled} onClick={() => void act('confirm')}>
            Confirm promise
          </button>
        )}
        {result.status === 'needs_approval' && (
          <button type="button" disabled={disabled} onClick={() => void act('submit')}>
            Submit for approval
          </button>
        )}
        <button type="button" className="secondary" disabled={disabled} onClick={() => void act('draft')}>
          Save draft
        </button>
        <Progress busy={busy !== null} label={busy === 'draft' ? 'Saving…' : 'Checking again and holding…'} />
      </div>
      {shown && 'error' in shown && (
        <p className="error-banner" role="alert" tabIndex={-1} ref={said}>
          {shown.error}
        </p>
      )}
      {shown && 'answer' in shown && shown.answer.done && (
        <p className="saved" role="status" tabIndex={-1} ref={said}>
          {humanTimes(shown.answer.message)} <a href={hrefTo('promise', shown.answer.id)}>Open {shown.answer.id}</a>
        </p>
      )}
      {shown && 'answer' in shown && !shown.answer.done && (
        <p className="error-banner pre" role="alert" tabIndex={-1} ref={said}>
          {humanTimes(shown.answer.message)}
        </p>
      )}
    </section>
  );
}
