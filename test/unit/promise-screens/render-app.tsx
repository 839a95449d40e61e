/** The whole app against a fake API built from the contract (real dispatch, fake plant and people), at an address. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { ApiContext } from '../../../renderer/hooks/use-api';
import { App } from '../../../renderer/app';
import { fakeBackend } from '../../fakes/fake-backend';
import { fakeApi, fakeContext } from '../../fakes/fake-context';
import { fakeOperations } from '../../fakes/fake-operations';
import { fakePromises, type FakePromisesOptions } from '../../fakes/fake-promises';

export function renderApp(opts: FakePromisesOptions & { at?: string; ui?: ReactElement } = {}) {
  window.location.hash = opts.at ?? '';
  const people = fakePromises(opts);
  const api = fakeApi(fakeContext(fakeBackend(), fakeOperations(), people));
  const user = userEvent.setup();
  render(<ApiContext.Provider value={api}>{opts.ui ?? <App />}</ApiContext.Provider>);
  return { api, people, user };
}
