/** The frame: navigation between screens, the current screen, and what this app is running on. */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../shared/contract';
import { useApi } from './hooks/use-api';
import { SCREENS } from './screens';
import { useWorkbookDrop } from './screens/workbook/dropped-workbook';

export function App() {
  const api = useApi();
  const [screenId, setScreenId] = useState(SCREENS[0]!.id);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api.call('app:info').then((r) => r.ok && setInfo(r.value));
  }, [api]);
  const screen = SCREENS.find((s) => s.id === screenId) ?? SCREENS[0]!;
  // A workbook dropped anywhere on the window opens the import.
  useWorkbookDrop(useCallback(() => setScreenId('workbook'), []));

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Promise Desk</span>
        <nav aria-label="Screens">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.id}>
                <button type="button" aria-current={s.id === screen.id ? 'page' : undefined} onClick={() => setScreenId(s.id)}>
                  {s.label}
                  {s.Badge && <s.Badge />}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <screen.Component />
      </main>
      {info && (
        <footer className="bottom">
          Promise Desk {info.version} · {info.runtime === 'web' ? 'browser preview' : 'desktop'} · database {info.database}
        </footer>
      )}
    </div>
  );
}
