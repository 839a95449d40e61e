/**
 * The frame: who is signed in, navigation between screens, the current screen (from the address's
 * fragment, so a promise has a link), and what this app is running on. When users exist and
 * nobody is signed in it shows sign-in instead; verifying a summary stays open to anyone.
 */
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { AppInfo } from '../shared/contract';
import type { SessionView } from '../shared/contract-promises';
import { SessionBar } from './components/session-bar';
import { Progress } from './components/progress';
import { useApi } from './hooks/use-api';
import { onSessionEnd, SessionContext } from './hooks/use-session';
import { go, parseHash, useRoute } from './navigation';
import { SCREENS, type Screen } from './screens';
import { SignInScreen } from './screens/promises/sign-in-screen';
import { useWorkbookDrop } from './screens/workbook/dropped-workbook';
import { useShellEvents } from './hooks/use-shell-events';

function shown(s: Screen, session: SessionView): boolean {
  if (s.hidden) return false;
  if (session.mode === 'signed_out') return !!s.open;
  return s.visible ? s.visible(session) : true;
}

export function App() {
  const api = useApi();
  const route = useRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const refresh = useCallback(() => {
    void api.call('session:get').then((r) => r.ok && setSession(r.value));
  }, [api]);
  useEffect(() => {
    void api.call('app:info').then((r) => r.ok && setInfo(r.value));
  }, [api]);
  useEffect(() => {
    refresh();
    // The session may end in the main process (idle time): look again now and then.
    const t = setInterval(refresh, 60_000);
    const off = onSessionEnd(refresh);
    return () => {
      clearInterval(t);
      off();
    };
  }, [refresh]);
  // A workbook dropped anywhere on the window opens the import.
  useWorkbookDrop(useCallback(() => go('workbook'), []));
  // The desktop shell's menu and files opened with the app.
  useShellEvents(useCallback(() => parseHash(window.location.hash).screen, []));

  const screen = SCREENS.find((s) => s.id === route.screen) ?? SCREENS[0]!;
  const current = screen.under ?? screen.id;
  const signIn = session?.mode === 'signed_out' && !screen.open;
  const skip = (e: MouseEvent) => {
    // Not a fragment link: the fragment is the route.
    e.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <SessionContext.Provider value={{ session, refresh, set: setSession }}>
      <div className="frame">
        <a className="skip-link" href="#main" onClick={skip}>
          Skip to content
        </a>
        <header className="top">
          <span className="brand">Promise Desk</span>
          {session && (
            // Keyed by user: the counts on the navigation are per user.
            <nav aria-label="Screens" key={`${session.mode}:${session.user?.name ?? ''}:${session.user?.role ?? ''}`}>
              <ul>
                {SCREENS.filter((s) => shown(s, session)).map((s) => (
                  <li key={s.id}>
                    <button type="button" aria-current={s.id === current && !signIn ? 'page' : undefined} onClick={() => go(s.id)}>
                      {s.label}
                      {s.Badge && <s.Badge />}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {session && <SessionBar session={session} />}
          {session?.mode === 'signed_out' && !signIn && (
            <button type="button" className="secondary session-bar" onClick={() => go('check')}>
              Sign in
            </button>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          {!session ? <Progress busy label="Starting…" /> : signIn ? <SignInScreen /> : <screen.Component key={screen.id} />}
        </main>
        {info && (
          <footer className="bottom">
            Promise Desk {info.version} · {info.runtime === 'web' ? 'browser preview' : 'desktop'} · database {info.database}
          </footer>
        )}
      </div>
    </SessionContext.Provider>
  );
}
