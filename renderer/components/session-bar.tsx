/** Who is signed in, always in the frame: name and role, and Sign out (or the single-user note). */
import type { SessionView } from '../../shared/contract-promises';
import { useApi } from '../hooks/use-api';
import { useSession } from '../hooks/use-session';

const ROLE: Record<string, string> = { sales: 'Sales', operations: 'Operations', manager: 'Manager', admin: 'Admin' };

export function roleLabel(role: string): string {
  return ROLE[role] ?? role;
}

export function SessionBar({ session }: { session: SessionView }) {
  const api = useApi();
  const { set } = useSession();
  if (session.mode === 'single_user') {
    return (
      <div className="session-bar" aria-label="Signed in">
        <span className="who" title="No users yet: every action is allowed and recorded as local. Add the first admin under Users.">
          Single-user mode · <strong>local</strong> <span className="role-chip">{roleLabel('admin')}</span>
        </span>
      </div>
    );
  }
  if (!session.user) return null;
  return (
    <div className="session-bar" role="group" aria-label="Signed in">
      <span className="who">
        <span className="visually-hidden">Signed in as </span>
        <strong data-testid="session-user">{session.user.name}</strong> <span className="role-chip" data-testid="session-role">{roleLabel(session.user.role)}</span>
      </span>
      <button type="button" className="secondary" onClick={() => void api.call('session:signout').then((r) => r.ok && set(r.value))}>
        Sign out
      </button>
    </div>
  );
}
