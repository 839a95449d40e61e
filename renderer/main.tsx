import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { createApi } from './api';
import { App } from './app';
import { ApiContext } from './hooks/use-api';
import './styles.css';

// The CSP forbids eval; zod's compiled parsers would try it. Plain parsers are fast enough here.
z.config({ jitless: true });

const api = createApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
