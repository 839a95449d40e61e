/**
 * Users (admins): add a user with a role and a passphrase, disable or enable, change a role,
 * reset a passphrase. With no users yet this is where the first admin is added, which ends
 * single-user mode and signs them in. The main process applies the rules (an admin acts; the
 * last admin stays); this screen only offers them.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract';
import type { UserView } from '../../../shared/contract-promises';
import { ROLES, type Role } from '../../../shared/rules/roles';
import { FieldError } from '../../components/field-error';
import { Progress } from '../../components/progress';
import { roleLabel } from '../../components/session-bar';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd, useSession } from '../../hooks/use-session';
import { formatDateTime } from './when';
import './promises.css';

const MIN_PASSPHRASE = 10;

export function UsersScreen() {
  const api = useApi();
  const { session, refresh } = useSession();
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);
  const single = session?.mode === 'single_user';

  const load = useCallback(async () => {
    const r = await api.call('users:list');
    if (r.ok) {
      setUsers(r.value);
      setError(null);
    } else {
      noticeSessionEnd(r.error);
      setError(r.error);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (text: string, ok: boolean, err?: AppError) => {
    if (err) noticeSessionEnd(err);
    setNote({ text, ok });
    if (ok) void load();
  };

  return (
    <section className="screen users-screen" aria-busy={users === null && !error}>
      <h1>Users</h1>
      {single && (
        <p className="warnings">
          There are no users yet: every action is allowed and recorded as <strong>local</strong>. The first user must be an admin; adding them ends single-user mode, and from then on every
          change names a signed-in user.
        </p>
      )}
      <Progress busy={users === null && !error} label="Loading the users…" />
      {error && (
        <p className="error-banner" role="alert">
          {error.message}
        </p>
      )}
      {note && (
        <p className={note.ok ? 'saved' : 'error-banner'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      {users && users.length > 0 && (
        <table className="users-table">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Key fingerprint</th>
              <th scope="col">Added</th>
              <th scope="col">Passphrase</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.name} user={u} self={u.name === session?.user?.name} onDone={done} />
            ))}
          </tbody>
        </table>
      )}
      <AddUser
        first={single}
        onAdded={(u) => {
          done(single ? `Added ${u.name} (admin) and signed them in: single-user mode has ended.` : `Added ${u.name} (${roleLabel(u.role).toLowerCase()}).`, true);
          if (single) refresh();
        }}
        onError={(e) => done(e.message, false, e)}
      />
    </section>
  );
}

function UserRow({ user, self, onDone }: { user: UserView; self: boolean; onDone(text: string, ok: boolean, err?: AppError): void }) {
  const api = useApi();
  const [role, setRole] = useState<Role>(user.role);
  const [busy, setBusy] = useState(false);
  const [reset, setReset] = useState(false);
  const id = `user-${user.name.replace(/[^A-Za-z0-9]/g, '_')}`;

  const changeRole = async () => {
    setBusy(true);
    const r = await api.call('users:role', { name: user.name, role });
    setBusy(false);
    if (r.ok) onDone(`${r.value.name} is now ${roleLabel(r.value.role).toLowerCase()}.`, true);
    else onDone(r.error.message, false, r.error);
  };
  const toggle = async () => {
    setBusy(true);
    const r = await api.call('users:disable', { name: user.name, disabled: !user.disabled });
    setBusy(false);
    if (r.ok) onDone(r.value.disabled ? `Disabled ${r.value.name}: they can no longer act; what they signed still verifies.` : `Enabled ${r.value.name}.`, true);
    else onDone(r.error.message, false, r.error);
  };

  return (
    <tr className={user.disabled ? 'disabled-user' : undefined}>
      <th scope="row">
        {user.name}
        {self && <span className="muted"> (you)</span>}
      </th>
      <td>
        <div className="inline">
          <label htmlFor={`${id}-role`} className="visually-hidden">
            Role of {user.name}
          </label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={busy}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" disabled={busy || role === user.role} onClick={() => void changeRole()}>
            Change role<span className="visually-hidden"> of {user.name}</span>
          </button>
        </div>
      </td>
      <td>
        {user.disabled ? 'Disabled' : 'Active'}{' '}
        <button type="button" className={user.disabled ? 'secondary' : 'danger'} disabled={busy} onClick={() => void toggle()}>
          {user.disabled ? 'Enable' : 'Disable'}
          <span className="visually-hidden"> {user.name}</span>
        </button>
      </td>
      <td>
        <code>{user.fingerprint}</code>
      </td>
      <td>
        <time dateTime={user.created_at}>{formatDateTime(user.created_at)}</time>
      </td>
      <td>
        {reset ? (
          <PassphraseForm user={user} self={self} onDone={(t, ok, e) => (onDone(t, ok, e), ok && setReset(false))} onCancel={() => setReset(false)} />
        ) : (
          <button type="button" className="secondary" onClick={() => setReset(true)}>
            {self ? 'Change' : 'Reset'}
            <span className="visually-hidden"> the passphrase of {user.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function PassphraseForm({ user, self, onDone, onCancel }: { user: UserView; self: boolean; onDone(text: string, ok: boolean, err?: AppError): void; onCancel(): void }) {
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `pp-${user.name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ([...next].length < MIN_PASSPHRASE) return setProblem(`At least ${MIN_PASSPHRASE} characters.`);
    setProblem(null);
    const r = await api.call('users:passphrase', { name: user.name, new_passphrase: next, ...(self ? { current_passphrase: current } : {}) });
    if (!r.ok) return onDone(r.error.message, false, r.error);
    onDone(r.value.new_key ? `Reset the passphrase of ${user.name}: they have a new key (${r.value.user.fingerprint}); what the old one signed still verifies.` : `Changed your passphrase; your key stays the same.`, true);
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`Passphrase of ${user.name}`}>
      {self && (
        <div className="field">
          <label htmlFor={`${id}-current`}>Current passphrase</label>
          <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-new`}>New passphrase for {user.name}</label>
        <input id={`${id}-new`} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-invalid={!!problem || undefined} aria-describedby={problem ? `${id}-error` : undefined} />
        <FieldError id={`${id}-error`} messages={problem ? [problem] : undefined} />
      </div>
      <div className="actions">
        <button type="submit">Save passphrase</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddUser({ first, onAdded, onError }: { first: boolean; onAdded(u: UserView): void; onError(e: AppError): void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(first ? 'admin' : 'sales');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (first) setRole('admin');
  }, [first]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!name.trim()) p.name = 'Enter a name.';
    if ([...pass].length < MIN_PASSPHRASE) p.passphrase = `At least ${MIN_PASSPHRASE} characters.`;
    else if (pass !== again) p.again = 'The two passphrases differ.';
    setProblems(p);
    if (Object.keys(p).length) return;
    setBusy(true);
    const r = await api.call('users:add', { name: name.trim(), role, passphrase: pass });
    setBusy(false);
    if (!r.ok) {
      const fields: Record<string, string> = {};
      for (const i of r.error.issues ?? []) fields[i.path] = i.message;
      setProblems(fields);
      return onError(r.error);
    }
    setName('');
    setPass('');
    setAgain('');
    onAdded(r.value);
  };
  const err = (k: string) => (problems[k] ? [problems[k]] : undefined);

  return (
    <form className="panel add-user" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-user-title">
      <h2 id="add-user-title">{first ? 'Add the first admin' : 'Add a user'}</h2>
      <div className="add-user-fields">
        <div className="field">
          <label htmlFor="new-user-name">Name</label>
          <input id="new-user-name" type="text" autoComplete="off" maxLength={64} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!problems.name || undefined} aria-describedby={problems.name ? 'new-user-name-error' : undefined} />
          <FieldError id="new-user-name-error" messages={err('name')} />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={first}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-user-passphrase">Passphrase</label>
          <input
            id="new-user-passphrase"
            type="password"
            autoComplete="new-password"
            value={pass}
            onChange={(e) => setPass(e.target.value)}
            aria-invalid={!!problems.passphrase || undefined}
            aria-describedby={problems.passphrase ? 'new-user-passphrase-error' : 'new-user-passphrase-hint'}
          />
          <p className="hint" id="new-user-passphrase-hint">
            At least {MIN_PASSPHRASE} characters; it also protects the user's signing key.
          </p>
          <FieldError id="new-user-passphrase-error" messages={err('passphrase')} />
        </div>
        <div className="field">
          <label htmlFor="new-user-again">Repeat the passphrase</label>
          <input id="new-user-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={!!problems.again || undefined} aria-describedby={problems.again ? 'new-user-again-error' : undefined} />
          <FieldError id="new-user-again-error" messages={err('again')} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {first ? 'Add admin' : 'Add user'}
        </button>
        <Progress busy={busy} label="Making the user's key…" />
      </div>
    </form>
  );
}
