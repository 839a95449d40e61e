/**
 * The frame: who is signed in, navigation between screens, the current screen (from the address's
 * fragment, so a promise has a link), and what this app is running on. When users exist and
 * nobody is signed in it shows sign-in instead; verifying a summary stays open to anyone.
 */
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { AppInfo } from '../shared/contract';
import type { SessionView } from '../shared/contract-promises';
import { SessionBar } from './components/session-bar';
import { LeaveDialog } from './components/leave-dialog';
import { Progress } from './components/progress';
import { useApi } from './hooks/use-api';
import { onSessionEnd, SessionContext } from './hooks/use-session';
import { notifyChangedElsewhere } from './data-events';
import { go, parseHash, useRoute } from './navigation';
import { SCREENS, type Screen } from './screens';
import { ConnectionScreen } from './screens/connection/connection-screen';
import { SignInScreen } from './screens/promises/sign-in-screen';
import { useWorkbookDrop } from './screens/workbook/dropped-workbook';
import { useShellEvents } from './hooks/use-shell-events';

function shown(s: Screen, session: SessionView): boolean {
  if (s.desktop && !window.promiseDesk) return false;
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
  const loadInfo = useCallback(() => {
    void api.call('app:info').then((r) => r.ok && setInfo(r.value));
  }, [api]);
  useEffect(loadInfo, [loadInfo]);
  // On a team server the footer says whether it answers; asking again is also how it is noticed back.
  const onTeam = !!info?.team;
  useEffect(() => {
    if (!onTeam) return;
    const t = setInterval(loadInfo, 10_000);
    return () => clearInterval(t);
  }, [onTeam, loadInfo]);
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
  // First run of the desktop app: where the data is comes before anything else.
  const [unset, setUnset] = useState(false);
  useEffect(() => {
    if (!window.promiseDesk) return;
    void api.call('connection:get').then((r) => r.ok && setUnset(r.value.mode === 'unset'));
  }, [api]);
  const chosen = useCallback(() => {
    setUnset(false);
    refresh();
    loadInfo();
  }, [refresh, loadInfo]);
  // Changes by anyone reach this window: what shows derived data refreshes (at most every 100 ms).
  const who = session?.user?.name ?? session?.mode ?? '';
  useEffect(() => {
    if (!who || !api.changes) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = api.changes(() => {
      timer ??= setTimeout(() => {
        timer = null;
        notifyChangedElsewhere();
      }, 100);
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [api, who]);
  // A workbook dropped anywhere on the window opens the import.
  useWorkbookDrop(useCallback(() => go('workbook'), []));
  // The desktop shell's menu and files opened with the app.
  useShellEvents(useCallback(() => parseHash(window.location.hash).screen, []));

  const screen = SCREENS.find((s) => s.id === route.screen) ?? SCREENS[0]!;
  const current = screen.under ?? screen.id;
  const signIn = session?.mode === 'signed_out' && !screen.open;
  // The window's title names the screen (read first by screen readers, shown in the task bar).
  const title = signIn ? 'Sign in' : screen.id === 'promise' && route.param ? `Promise ${route.param}` : screen.label;
  // The desktop app on a team server names it in the title too (the task bar shows which data this is).
  const teamHost = info?.team ? new URL(info.team.url).host : null;
  useEffect(() => {
    document.title = `${title} · Promise Desk${teamHost ? ` · team server ${teamHost}` : ''}`;
  }, [title, teamHost]);
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
          {unset ? <ConnectionScreen onChosen={chosen} /> : !session ? <Progress busy label="Starting…" /> : signIn ? <SignInScreen /> : <screen.Component key={screen.id} />}
        </main>
        <LeaveDialog />
        {info && (
          <footer className="bottom">
            Promise Desk {info.version} · {info.runtime === 'web' ? 'browser preview' : info.runtime === 'team' ? 'team server' : 'desktop'} ·{' '}
            {info.team ? `team server ${info.team.url}${info.team.reachable ? '' : ' (not answering: reconnecting…)'}` : info.runtime === 'team' ? 'shared team database' : `database ${info.database}`}
          </footer>
        )}
      </div>
    </SessionContext.Provider>
  );
}
