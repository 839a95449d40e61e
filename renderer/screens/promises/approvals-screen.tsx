/**
 * Approvals: the promises waiting for a decision by the signed-in user's role (capacity reasons
 * for operations, commercial ones for a manager, all for an admin; never one's own submission),
 * the hold that lapses first on top. Approve (a comment is optional) or reject (a comment says
 * why). Approving checks again in the main process: a promise that no longer fits is refused
 * with its reasons and stays here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { QueueItem } from '../../../shared/contract-promises';
import { Progress } from '../../components/progress';
import { notifyDataChanged, useDataChanged } from '../../data-events';
import { formatDate, formatMoney, formatQty } from '../../format';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd, useSession } from '../../hooks/use-session';
import { hrefTo } from '../../navigation';
import { roleLabel } from '../../components/session-bar';
import { formatDateTime, humanTimes } from './when';
import './promises.css';

export function ApprovalsScreen() {
  const api = useApi();
  const { session } = useSession();
  const [queue, setQueue] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notes, setNotes] = useState<Record<string, { text: string; ok: boolean }>>({});

  const load = useCallback(async () => {
    const r = await api.call('approvals:queue');
    if (r.ok) {
      setQueue(r.value);
      setError(null);
    } else {
      noticeSessionEnd(r.error);
      setError(r.error);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  useDataChanged(useCallback(() => void load(), [load]));

  const decided = (id: string, text: string, ok: boolean) => {
    setNotes((n) => ({ ...n, [id]: { text, ok } }));
    if (ok) {
      notifyDataChanged();
      void load();
    }
  };
  const roles = session?.may.approve_for ?? [];

  return (
    <section className="screen approvals-screen" aria-busy={queue === null}>
      <h1>Approvals</h1>
      <p className="hint">
        {session?.user ? `Waiting for a decision by ${session.user.role === 'admin' ? 'an admin (any role)' : roleLabel(session.user.role).toLowerCase()}` : 'Waiting for a decision'}
        {roles.length > 0 && session?.user?.role !== 'admin' && ` — ${roles.includes('operations') ? 'capacity reasons (overtime, express)' : 'commercial reasons (margin, discount)'}`}. Promises you submitted are not listed: someone else decides them.
      </p>
      <Progress busy={queue === null && !error} label="Loading the approvals…" />
      {error && (
        <p className="error-banner" role="alert">
          {error.message}
        </p>
      )}
      {Object.entries(notes)
        .filter(([id, n]) => n.ok && !queue?.some((q) => q.id === id))
        .map(([id, n]) => (
          <p key={id} className="saved" role="status">
            {n.text} <a href={hrefTo('promise', id)}>Open {id}</a>
          </p>
        ))}
      {queue?.length === 0 && <p className="muted">Nothing is waiting for you.</p>}
      {queue && queue.length > 0 && (
        <ul className="card-list" aria-label="Waiting for approval">
          {queue.map((q) => (
            <li key={q.id}>
              <ApprovalCard item={q} note={notes[q.id] ?? null} onDecided={decided} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ApprovalCard({ item, note, onDecided }: { item: QueueItem; note: { text: string; ok: boolean } | null; onDecided(id: string, text: string, ok: boolean): void }) {
  const api = useApi();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [needComment, setNeedComment] = useState(false);
  const titleId = `approval-${item.id}`;
  const commentId = `approval-comment-${item.id}`;

  const decide = async (verb: 'approve' | 'reject') => {
    const text = comment.trim();
    if (verb === 'reject' && !text) {
      setNeedComment(true);
      document.getElementById(commentId)?.focus();
      return;
    }
    setNeedComment(false);
    setBusy(verb);
    const r = verb === 'approve' ? await api.call('promises:approve', { id: item.id, ...(text ? { comment: text } : {}) }) : await api.call('promises:reject', { id: item.id, comment: text });
    setBusy(null);
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return onDecided(item.id, r.error.message, false);
    }
    onDecided(item.id, humanTimes(r.value.message), r.value.done);
  };

  return (
    <article className="card approval" aria-labelledby={titleId}>
      <header>
        <h2 id={titleId}>
          <a href={hrefTo('promise', item.id)}>{item.id}</a> · {item.customer}
        </h2>
        <span className="muted">
          {item.region}, {item.mode} · {formatMoney(item.revenue, item.currency)}
        </span>
      </header>
      <dl className="facts">
        <div>
          <dt>Submitted by</dt>
          <dd>
            {item.submitted_by ?? item.created_by}
            {item.submitted_at && (
              <>
                , <time dateTime={item.submitted_at}>{formatDateTime(item.submitted_at)}</time>
              </>
            )}
          </dd>
        </div>
        {item.hold_expires_at && (
          <div>
            <dt>Capacity held until</dt>
            <dd>
              <time dateTime={item.hold_expires_at}>{formatDateTime(item.hold_expires_at)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>Still needs</dt>
          <dd>{item.missing.map((r) => (r === 'operations' ? 'operations' : 'a manager')).join(' and ')}</dd>
        </div>
        <div>
          <dt>You approve as</dt>
          <dd>{roleLabel(item.approve_as)}</dd>
        </div>
      </dl>
      <ul className="plain">
        {item.lines.map((l, i) => (
          <li key={i}>
            {formatQty(l.qty)} × {l.sku} <span className="muted">{l.name}</span> by {formatDate(l.requested_date)}
          </li>
        ))}
      </ul>
      <h3>Why it needs approval</h3>
      <ul className="reasons">
        {item.reasons.map((r, i) => (
          <li key={i}>{r.message}</li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={commentId}>Comment on {item.id}</label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={needComment || undefined}
          aria-describedby={needComment ? `${commentId}-error` : undefined}
        />
        {needComment && (
          <p className="field-error" id={`${commentId}-error`}>
            A rejection needs a comment saying why.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" disabled={busy !== null} onClick={() => void decide('approve')}>
          Approve {item.id}
        </button>
        <button type="button" className="danger" disabled={busy !== null} onClick={() => void decide('reject')}>
          Reject {item.id}
        </button>
        <Progress busy={busy !== null} label={busy === 'approve' ? 'Checking again…' : 'Rejecting…'} />
      </div>
      {note && !note.ok && (
        <p className="error-banner pre" role="alert">
          {note.text}
        </p>
      )}
    </article>
  );
}

/** The number of promises waiting for this user's decision, beside the navigation entry. */
export function ApprovalsBadge() {
  const api = useApi();
  const [count, setCount] = useState<number | null>(null);
  const load = useCallback(() => {
    void api.call('approvals:count').then((r) => r.ok && setCount(r.value.count));
  }, [api]);
  useEffect(() => {
    load();
    const t = setInterval(load, 30_000);
    return () => clearInterval(t);
  }, [load]);
  useDataChanged(load);
  if (!count) return null;
  return (
    <span className="nav-count nav-count-info" data-testid="approvals-count">
      {' '}
      {count}
      <span className="visually-hidden"> waiting for you</span>
    </span>
  );
}
