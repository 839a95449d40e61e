/**
 * What the signed-in user may do with one promise, as the main process says (`actions`): confirm
 * or submit a draft, approve or reject with a comment, cancel, fulfil, and export the signed
 * summary (customer or internal copy, PDF or JSON). The desktop app asks where to save; the
 * browser preview downloads.
 */
import { useState } from 'react';
import type { PromiseDetail } from '../../../shared/contract-promises';
import { Progress } from '../../components/progress';
import { notifyDataChanged } from '../../data-events';
import { downloadBytes } from '../../files';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd } from '../../hooks/use-session';
import { humanTimes } from './when';

type Verb = 'confirm' | 'submit' | 'approve' | 'reject' | 'cancel' | 'fulfil';
const LABEL: Record<Verb, string> = { confirm: 'Confirm', submit: 'Submit for approval', approve: 'Approve', reject: 'Reject', cancel: 'Cancel promise', fulfil: 'Mark fulfilled' };
const BUSY: Record<Verb, string> = { confirm: 'Checking again…', submit: 'Checking again…', approve: 'Checking again…', reject: 'Rejecting…', cancel: 'Cancelling…', fulfil: 'Saving…' };

export function PromiseActions({ p, onChanged }: { p: PromiseDetail; onChanged(): void }) {
  const api = useApi();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Verb | 'export' | null>(null);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);
  const [needComment, setNeedComment] = useState(false);
  const a = p.actions;
  const verbs = (['confirm', 'submit', 'approve', 'reject', 'fulfil', 'cancel'] as Verb[]).filter((v) => a[v]);
  const takesComment = a.approve || a.reject || a.cancel || a.fulfil;

  const act = async (verb: Verb) => {
    const text = comment.trim();
    if (verb === 'reject' && !text) {
      setNeedComment(true);
      document.getElementById('promise-comment')?.focus();
      return;
    }
    setNeedComment(false);
    setBusy(verb);
    const withComment = text ? { comment: text } : {};
    const r =
      verb === 'confirm' || verb === 'submit'
        ? await api.call(verb === 'confirm' ? 'promises:confirm' : 'promises:submit', { draft_id: p.id })
        : verb === 'reject'
          ? await api.call('promises:reject', { id: p.id, comment: text })
          : await api.call(`promises:${verb}`, { id: p.id, ...withComment });
    setBusy(null);
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setNote({ text: r.error.message, ok: false });
    }
    setNote({ text: humanTimes(r.value.message), ok: r.value.done });
    if (r.value.done) {
      setComment('');
      notifyDataChanged();
      onChanged();
    }
  };

  const exportCopy = async (copy: 'customer' | 'internal', format: 'pdf' | 'json') => {
    setBusy('export');
    const what = `${copy === 'customer' ? 'customer' : 'internal'} copy (${format.toUpperCase()})`;
    if (window.promiseDesk) {
      const r = await api.call('summary:save', { id: p.id, copy, format });
      setBusy(null);
      if (!r.ok) return setNote({ text: r.error.message, ok: false });
      if (r.value) setNote({ text: `Saved the ${what} to ${r.value.path}.`, ok: true });
      return;
    }
    const r = await api.call('summary:export', { id: p.id, copy, format });
    setBusy(null);
    if (!r.ok) return setNote({ text: r.error.message, ok: false });
    downloadBytes(r.value.name, r.value.media_type, r.value.base64);
    setNote({ text: `Downloaded the ${what} as ${r.value.name}.`, ok: true });
  };

  if (verbs.length === 0 && !a.export) return null;
  return (
    <section className="panel promise-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {takesComment && (
        <div className="field">
          <label htmlFor="promise-comment">Comment{a.reject ? ' (needed to reject)' : ' (optional)'}</label>
          <textarea
            id="promise-comment"
            rows={2}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={needComment || undefined}
            aria-describedby={needComment ? 'promise-comment-error' : undefined}
          />
          {needComment && (
            <p className="field-error" id="promise-comment-error">
              A rejection needs a comment saying why.
            </p>
          )}
        </div>
      )}
      {verbs.length > 0 && (
        <div className="actions">
          {verbs.map((v) => (
            <button key={v} type="button" className={v === 'reject' || v === 'cancel' ? 'danger' : undefined} disabled={busy !== null} onClick={() => void act(v)}>
              {LABEL[v]}
            </button>
          ))}
        </div>
      )}
      {a.export && (
        <div className="export" role="group" aria-labelledby="export-title">
          <h3 id="export-title">Signed summary</h3>
          <ul className="plain">
            {p.summaries.map((s) => (
              <li key={s.copy}>
                {s.copy === 'customer' ? 'Customer copy' : 'Internal copy'}: verification code <code>{s.code}</code>, signed by {s.signed_by}
              </li>
            ))}
          </ul>
          <div className="actions">
            {(['customer', 'internal'] as const).flatMap((copy) =>
              (['pdf', 'json'] as const).map((format) => (
                <button key={`${copy}-${format}`} type="button" className="secondary" disabled={busy !== null} onClick={() => void exportCopy(copy, format)}>
                  {copy === 'customer' ? 'Customer' : 'Internal'} copy ({format.toUpperCase()})
                </button>
              )),
            )}
          </div>
        </div>
      )}
      <Progress busy={busy !== null} label={busy === 'export' ? 'Preparing the file…' : busy ? BUSY[busy] : ''} />
      {note && (
        <p className={note.ok ? 'saved' : 'error-banner pre'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
