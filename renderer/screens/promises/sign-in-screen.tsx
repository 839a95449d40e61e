/**
 * Signing in: name and passphrase, proved once in the main process. A wrong passphrase says so
 * plainly (without telling whether the name exists); after repeated failures the screen shows
 * the wait the main process imposes and counts it down. Verifying a summary needs no user.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Progress } from '../../components/progress';
import { useApi } from '../../hooks/use-api';
import { useSession } from '../../hooks/use-session';
import { hrefTo } from '../../navigation';
import './promises.css';

export function SignInScreen() {
  const api = useApi();
  const { set } = useSession();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const passRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  // Signing in is the only thing this screen is for: the name field takes the cursor at once.
  useEffect(() => nameRef.current?.focus(), []);

  const left = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));
  useEffect(() => {
    if (waitUntil === null) return;
    const t = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 250);
    return () => clearInterval(t);
  }, [waitUntil]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || left > 0) return;
    if (!name.trim() || !passphrase) {
      setError(!name.trim() ? 'Enter your name.' : 'Enter your passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    setHint(null);
    const r = await api.call('session:signin', { name: name.trim(), passphrase });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const a = r.value;
    if (a.signed_in) return set(a.session);
    setPassphrase('');
    setError(a.message);
    if (a.retry_after_s) {
      setNow(Date.now());
      setWaitUntil(Date.now() + a.retry_after_s * 1000);
    }
    if (a.tries_left !== null && a.tries_left > 0) setHint(`${a.tries_left} more ${a.tries_left === 1 ? 'try' : 'tries'} before each further try must wait.`);
    passRef.current?.focus();
  };

  return (
    <section className="screen sign-in-screen" aria-labelledby="sign-in-title">
      <form className="panel sign-in" onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
        <h1 id="sign-in-title">Sign in to Promise Desk</h1>
        <p className="hint">Every change names who made it; confirmed promises are signed with your key.</p>
        <div className="field">
          <label htmlFor="sign-in-name">Name</label>
          <input id="sign-in-name" type="text" ref={nameRef} autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} maxLength={64} />
        </div>
        <div className="field">
          <label htmlFor="sign-in-passphrase">Passphrase</label>
          <input id="sign-in-passphrase" ref={passRef} type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-invalid={!!error || undefined} />
        </div>
        {error && (
          <p className="error-banner" id="sign-in-error" role="alert">
            {error}
          </p>
        )}
        {hint && <p className="hint">{hint}</p>}
        {left > 0 && (
          <p className="wait" role="status" aria-live="polite">
            Slowed down after repeated wrong passphrases: you can try again in {left} s.
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={busy || left > 0}>
            Sign in
          </button>
          <Progress busy={busy} label="Checking the passphrase…" />
        </div>
        <p className="hint">
          <a href={hrefTo('verify')}>Verify a signed summary</a> without signing in.
        </p>
      </form>
    </section>
  );
}
