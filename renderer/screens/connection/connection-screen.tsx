/**
 * Where the desktop app's data is: *this computer* (a database in the app's data folder, the demo
 * plant on first run) or *a team server* (its address, and for a self-signed certificate the
 * fingerprint the server printed: nothing is sent to a server whose certificate differs). Shown
 * on first run before anything else, and under Connection afterwards. The main process tries the
 * server before saving the choice.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ConnectionView } from '../../../shared/contract-connection';
import { useApi } from '../../hooks/use-api';
import { useSession } from '../../hooks/use-session';
import '../promises/promises.css';

export function ConnectionScreen({ onChosen }: { onChosen?: () => void }) {
  const api = useApi();
  const { refresh } = useSession();
  const [current, setCurrent] = useState<ConnectionView | null>(null);
  const [mode, setMode] = useState<'local' | 'team'>('local');
  const [url, setUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void api.call('connection:get').then((r) => {
      if (!r.ok) return setError(r.error.message);
      setCurrent(r.value);
      if (r.value.mode === 'team') {
        setMode('team');
        setUrl(r.value.url ?? '');
        setFingerprint(r.value.fingerprint ?? '');
      }
    });
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (mode === 'team' && !url.trim()) return setError('Enter the team server’s address, e.g. https://desk.example:8443/');
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await api.call('connection:set', mode === 'local' ? { mode } : { mode, url: url.trim(), ...(fingerprint.trim() ? { fingerprint: fingerprint.trim() } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error.issues?.length ? r.error.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : r.error.message);
    if (!r.value.ok) return setError(r.value.message);
    setCurrent(r.value.connection);
    setDone(mode === 'local' ? 'Promise Desk now works on this computer.' : `Connected to ${url.trim()}: sign in with your name and passphrase.`);
    refresh();
    onChosen?.();
  };

  return (
    <section className="screen connection-screen" aria-labelledby="connection-title">
      <form className="panel sign-in" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id="connection-title">Where your data is</h1>
        {current?.mode === 'unset' && <p className="hint">Choose once; you can change it later under Connection.</p>}
        <fieldset>
          <legend>Promise Desk works on</legend>
          <label>
            <input type="radio" name="connection-mode" value="local" checked={mode === 'local'} onChange={() => setMode('local')} /> This computer (its own database, with a demo plant to start)
          </label>
          <label>
            <input type="radio" name="connection-mode" value="team" checked={mode === 'team'} onChange={() => setMode('team')} /> A team server (one set of tables and promises for everyone)
          </label>
        </fieldset>
        {mode === 'team' && (
          <>
            <div className="field">
              <label htmlFor="connection-url">Server address</label>
              <input id="connection-url" type="url" inputMode="url" placeholder="https://desk.example:8443/" value={url} onChange={(e) => setUrl(e.target.value)} maxLength={500} />
            </div>
            <div className="field">
              <label htmlFor="connection-fingerprint">Certificate fingerprint (only for a self-signed certificate)</label>
              <input id="connection-fingerprint" type="text" spellCheck={false} placeholder="AB:CD:…" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} maxLength={200} aria-describedby="connection-fingerprint-hint" />
              <p className="hint" id="connection-fingerprint-hint">
                The SHA-256 fingerprint the server printed when it started. Promise Desk then talks to that server only.
              </p>
            </div>
          </>
        )}
        {error && (
          <p className="error-banner" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="hint" role="status">
            {done}
          </p>
        )}
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? (mode === 'team' ? 'Trying the server…' : 'Saving…') : mode === 'team' ? 'Connect' : 'Use this computer'}
        </button>
      </form>
    </section>
  );
}
