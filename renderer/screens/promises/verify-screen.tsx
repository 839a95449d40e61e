/**
 * Verify a signed summary: drop the PDF or JSON on the screen, or pick it with the file input.
 * The main process checks every signature against the signer's key in this database and says
 * `intact: signed by NAME (ROLE) on DATE`, or what is wrong (altered, signature invalid, signer
 * unknown here, another key, unknown promise). Beside an intact verdict it shows what was signed
 * (customer, lines, quantities, prices, delivery dates) and the promise's status now, so a reader
 * compares the paper in their hand with the signed data, not with the paper's own claims.
 * Needs no user.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { VerdictView } from '../../../shared/contract-promises';
import { Progress } from '../../components/progress';
import { fileToBase64 } from '../../files';
import { formatDate, formatQty, formatUnitPrice } from '../../format';
import { useApi } from '../../hooks/use-api';
import { hrefTo } from '../../navigation';
import { onSummary, takeSummary } from './opened-summary';
import { formatDateTime } from './when';
import './promises.css';

/** A summary PDF is a few hundred kB; the contract refuses more than ~22 MB. */
const MAX_BYTES = 20 * 1024 * 1024;

const PROBLEM: Record<NonNullable<VerdictView['problem']>, string> = {
  unreadable: 'Not a signed summary',
  altered: 'Altered',
  signature_invalid: 'Signature invalid',
  signer_unknown: 'Signer unknown here',
  another_key: 'Signed with another key',
  unknown_promise: 'Unknown promise here',
};

const STATUS: Record<string, string> = {
  draft: 'a draft',
  awaiting_approval: 'awaiting approval',
  confirmed: 'confirmed',
  fulfilled: 'fulfilled',
  cancelled: 'cancelled',
  rejected: 'rejected',
  expired: 'expired',
};

export function VerifyScreen() {
  const api = useApi();
  const inputId = useId();
  const [file, setFile] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<VerdictView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const verify = async (f: File | undefined) => {
    if (!f) return;
    setFile(f.name);
    setVerdict(null);
    setError(null);
    if (f.size === 0) return setError(`${f.name} is empty.`);
    if (f.size > MAX_BYTES) return setError(`${f.name} is too large to be a promise summary.`);
    setBusy(true);
    const r = await api.call('summary:verify', { name: f.name.slice(0, 255), base64: await fileToBase64(f) });
    setBusy(false);
    if (r.ok) setVerdict(r.value);
    else setError(r.error.message);
  };

  // A summary opened with the desktop app (now, or before this screen was shown).
  const latest = useRef(verify);
  latest.current = verify;
  useEffect(() => {
    const take = () => {
      const f = takeSummary();
      if (f) void latest.current(f);
    };
    take();
    return onSummary(take);
  }, []);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    // Stops here: a file dropped on this zone is a summary to verify, not a workbook to import.
    e.stopPropagation();
    setOver(false);
    void verify(e.dataTransfer.files[0]);
  };

  return (
    <section className="screen verify-screen">
      <h1>Verify a signed summary</h1>
      {/* A drop target for the mouse; the file input inside it is the way for the keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop a summary (PDF or JSON) here, or choose it:</p>
        <label htmlFor={inputId}>Summary file (PDF or JSON)</label>
        <input
          id={inputId}
          type="file"
          accept=".pdf,.json,application/pdf,application/json"
          onChange={(e) => {
            void verify(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <Progress busy={busy} label="Checking the signatures…" />
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      {verdict && <Verdict verdict={verdict} file={file} />}
    </section>
  );
}

function Verdict({ verdict, file }: { verdict: VerdictView; file: string | null }) {
  return (
    <section className={verdict.intact ? 'verdict intact' : 'verdict broken'} aria-labelledby="verdict-title" aria-live="polite">
      <h2 id="verdict-title">
        <span aria-hidden="true">{verdict.intact ? '✓ ' : '✕ '}</span>
        {verdict.intact ? 'Intact' : verdict.problem ? PROBLEM[verdict.problem] : 'Not intact'}
        {file && <span className="file"> · {file}</span>}
      </h2>
      <p className="verdict-message" data-testid="verdict-message">
        {verdict.message}
      </p>
      <dl className="facts">
        {verdict.promise_id && (
          <div>
            <dt>Promise</dt>
            <dd>
              <a href={hrefTo('promise', verdict.promise_id)}>{verdict.promise_id}</a>
            </dd>
          </div>
        )}
        {verdict.copy && (
          <div>
            <dt>Copy</dt>
            <dd>{verdict.copy === 'customer' ? 'Customer copy' : 'Internal copy'}</dd>
          </div>
        )}
        {verdict.status && (
          <div>
            <dt>Status now</dt>
            <dd className={verdict.status === 'confirmed' || verdict.status === 'fulfilled' ? undefined : 'status-warning'} data-testid="verdict-status">
              {STATUS[verdict.status] ?? verdict.status}
            </dd>
          </div>
        )}
        {verdict.customer !== null && (
          <div>
            <dt>Customer</dt>
            <dd>{verdict.customer}</dd>
          </div>
        )}
        {verdict.content && (
          <>
            <div>
              <dt>Ship-to region</dt>
              <dd>
                {verdict.content.region} · {verdict.content.mode === 'express' ? 'Express' : 'Standard'}
              </dd>
            </div>
            <div>
              <dt>Confirmed</dt>
              <dd>
                <time dateTime={verdict.content.confirmed_at}>{formatDateTime(verdict.content.confirmed_at)}</time>
              </dd>
            </div>
          </>
        )}
        {verdict.code && (
          <div>
            <dt>Verification code</dt>
            <dd>
              <code>{verdict.code}</code>
            </dd>
          </div>
        )}
        {verdict.signatures.map((s, i) => (
          <div key={i}>
            <dt>Signed by</dt>
            <dd>
              {s.signer} ({s.role}), <time dateTime={s.signed_at}>{formatDateTime(s.signed_at)}</time>
            </dd>
          </div>
        ))}
      </dl>
      {verdict.content && <SignedLines content={verdict.content} />}
    </section>
  );
}

/** The signed lines as the summary says them: what the reader compares with their copy. */
function SignedLines({ content }: { content: NonNullable<VerdictView['content']> }) {
  return (
    <table className="signed-lines">
      <caption>Signed lines</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Quantity</th>
          <th scope="col">Unit price</th>
          <th scope="col">Deliveries</th>
        </tr>
      </thead>
      <tbody>
        {content.lines.map((l, i) => (
          <tr key={i}>
            <th scope="row">
              {l.sku}
              {l.name && l.name !== l.sku ? ` · ${l.name}` : ''}
            </th>
            <td className="num">
              {formatQty(l.qty)} {l.unit}
            </td>
            <td className="num">{formatUnitPrice(l.unit_price, content.currency)}</td>
            <td>
              {l.deliveries.map((d, k) => (
                <div key={k}>
                  {formatQty(d.qty)} on <time dateTime={d.date}>{formatDate(d.date)}</time>
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
