// @vitest-environment jsdom
/**
 * The actions under the Check screen's answer: Confirm when OK, Submit for approval when it needs
 * approval (saying who approves), Save draft always; the new promise's id with a link to it; a
 * refusal said plainly; no second promise from a second click.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Output } from '../../../shared/contract';
import { ApiContext } from '../../../renderer/hooks/use-api';
import { CheckScreen } from '../../../renderer/screens/check-screen';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend } from '../../fakes/fake-backend';
import { fakeApi, fakeContext } from '../../fakes/fake-context';
import { fakeOperations } from '../../fakes/fake-operations';
import { fakePromises } from '../../fakes/fake-promises';
import type { PromisesBackend } from '../../fakes/fake-ports';

vi.mock('../../../renderer/components/bottleneck-chart', () => ({ drawBottleneck: vi.fn(() => () => undefined) }));
afterEach(() => {
  cleanup();
  localStorage.clear(); // the quote in progress is kept per user: each test starts a new one
});

function setup(people: PromisesBackend = fakePromises({ signedIn: 'Sam Sales' })) {
  const api = fakeApi(fakeContext(fakeBackend(), fakeOperations(), people));
  const user = userEvent.setup();
  render(
    <ApiContext.Provider value={api}>
      <CheckScreen />
    </ApiContext.Provider>,
  );
  return { api, user };
}

async function request(user: ReturnType<typeof userEvent.setup>, qty: string) {
  await user.type(await screen.findByLabelText('Customer'), 'Acme');
  const line = screen.getByRole('group', { name: 'Line 1' });
  await user.type(within(line).getByRole('combobox', { name: 'Product' }), 'PUMP-100');
  await user.type(within(line).getByLabelText('Quantity'), qty);
  fireEvent.change(within(line).getByLabelText('Delivery date'), { target: { value: '2026-03-20' } });
}

const actions = () => screen.findByRole('region', { name: 'Make a promise' });

describe('the actions under the answer', () => {
  it('confirms an OK answer, shows the id with a link, and rests until the fields change', async () => {
    const { user, api } = setup();
    await request(user, '40');
    const region = await actions();
    await waitFor(() => expect((within(region).getByRole<HTMLButtonElement>('button', { name: 'Confirm promise' })).disabled).toBe(false));
    expect(within(region).queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Confirm promise' }));
    const done = await within(region).findByRole('status');
    expect(done.textContent).toMatch(/Confirmed P-000004/);
    expect(within(done).getByRole('link', { name: 'Open P-000004' }).getAttribute('href')).toBe('#/promise/P-000004');
    expect((within(region).getByRole<HTMLButtonElement>('button', { name: 'Confirm promise' })).disabled).toBe(true);
    expect(api.calls.filter((c) => c.channel === 'promises:confirm')).toHaveLength(1);
    expect(api.calls.find((c) => c.channel === 'promises:confirm')!.payload).toEqual({ request: { customer: 'Acme', region: 'DE', mode: 'standard', lines: [{ sku: 'PUMP-100', qty: 40, requested_date: '2026-03-20', unit_price: '120' }] } });

    await user.type(screen.getByLabelText('Customer'), ' GmbH');
    await waitFor(() => expect((within(screen.getByRole('region', { name: 'Make a promise' })).getByRole<HTMLButtonElement>('button', { name: 'Confirm promise' })).disabled).toBe(false));
  });

  it('submits an answer that needs approval and says who must approve', async () => {
    const { user } = setup();
    await request(user, '150');
    const region = await actions();
    expect(await within(region).findByText('Needs approval by operations (capacity: overtime).')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Confirm promise' })).toBeNull();
    await waitFor(() => expect((within(region).getByRole<HTMLButtonElement>('button', { name: 'Submit for approval' })).disabled).toBe(false));
    await user.click(within(region).getByRole('button', { name: 'Submit for approval' }));
    expect((await within(region).findByRole('status')).textContent).toMatch(/Submitted P-000004 for approval by operations/);
  });

  it('says plainly when the main process refuses: it no longer fits', async () => {
    const people = fakePromises({ signedIn: 'Sam Sales' });
    const refusing: PromisesBackend = {
      async run(channel, input) {
        if (channel === 'promises:confirm')
          return { done: false, kind: 'not_ok', message: 'Not confirmed: the check needs approval (only an ok check can be confirmed; submit it for approval instead).\nline 1 (PUMP-100): needs_overtime: Assembly line 1 needs 4 hours of overtime.' } as Output<typeof channel>;
        return people.run(channel, input);
      },
    };
    const { user } = setup(refusing);
    await request(user, '40');
    const region = await actions();
    await waitFor(() => expect((within(region).getByRole<HTMLButtonElement>('button', { name: 'Confirm promise' })).disabled).toBe(false));
    await user.click(within(region).getByRole('button', { name: 'Confirm promise' }));
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toMatch(/^Not confirmed: the check needs approval/);
    expect(alert.textContent).toMatch(/needs 4 hours of overtime/);
  });

  it('saves a draft', async () => {
    const { user, api } = setup();
    await request(user, '300');
    const region = await actions();
    await waitFor(() => expect((within(region).getByRole<HTMLButtonElement>('button', { name: 'Save draft' })).disabled).toBe(false));
    await user.click(within(region).getByRole('button', { name: 'Save draft' }));
    expect((await within(region).findByRole('status')).textContent).toMatch(/Saved as a draft/);
    expect(api.calls.some((c) => c.channel === 'promises:draft')).toBe(true);
  });
});
