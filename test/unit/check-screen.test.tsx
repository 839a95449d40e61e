// @vitest-environment jsdom
/**
 * The check screen against a fake API built from the contract (the real dispatch, a fake plant):
 * found by role and label as a person would find them.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../renderer/hooks/use-api';
import { CheckScreen } from '../../renderer/screens/check-screen';
import { App } from '../../renderer/app';
import { fakeApi, fakeBackend, fakeContext, type FakeOptions } from '../fakes/fake-backend';

vi.mock('../../renderer/components/bottleneck-chart', () => ({ drawBottleneck: vi.fn(() => () => undefined) }));

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function setup(opts: FakeOptions = {}, ui: 'screen' | 'app' = 'screen') {
  const backend = fakeBackend(opts);
  const api = fakeApi(fakeContext(backend));
  const user = userEvent.setup();
  render(<ApiContext.Provider value={api}>{ui === 'app' ? <App /> : <CheckScreen />}</ApiContext.Provider>);
  return { api, backend, user };
}

async function fillLine(user: ReturnType<typeof userEvent.setup>, opts: { sku?: string; qty?: string; date?: string; line?: HTMLElement }) {
  const scope = within(opts.line ?? (await screen.findByRole('group', { name: 'Line 1' })));
  if (opts.sku !== undefined) {
    await user.clear(scope.getByRole('combobox', { name: 'Product' }));
    await user.type(scope.getByRole('combobox', { name: 'Product' }), opts.sku);
  }
  if (opts.qty !== undefined) {
    await user.clear(scope.getByLabelText('Quantity'));
    await user.type(scope.getByLabelText('Quantity'), opts.qty);
  }
  if (opts.date !== undefined) fireEvent.change(scope.getByLabelText('Delivery date'), { target: { value: opts.date } });
}

const answer = () => screen.getByRole('region', { name: 'Answer' });
const requestStatus = async (status: string) =>
  waitFor(() => {
    const result = answer().querySelector('.result');
    expect(result?.getAttribute('data-stale')).toBe('false');
    expect(result?.querySelector('.request-status [data-status]')?.getAttribute('data-status')).toBe(status);
  });

describe('the check screen', () => {
  it('labels every field and has no Check button: the answer follows the typing', async () => {
    const { user, backend } = setup();
    for (const label of ['Customer', 'Region', 'Delivery mode']) expect(await screen.findByLabelText(label)).toBeTruthy();
    const line = screen.getByRole('group', { name: 'Line 1' });
    for (const label of ['Quantity', 'Delivery date', 'Unit price']) expect(within(line).getByLabelText(label)).toBeTruthy();
    expect(within(line).getByRole('combobox', { name: 'Product' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^check/i })).toBeNull();

    await user.type(screen.getByLabelText('Customer'), 'Acme GmbH');
    await fillLine(user, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    expect((within(line).getByLabelText('Unit price') as HTMLInputElement).value).toBe('120');
    await requestStatus('ok');
    expect(within(answer()).getAllByText('OK').length).toBeGreaterThanOrEqual(2); // the request's badge and the line's
    const lineAnswer = within(answer()).getByRole('article', { name: /Line 1: PUMP-100/ });
    expect(lineAnswer.querySelector('[data-field="available"] data')?.getAttribute('value')).toBe('40');
    expect(lineAnswer.querySelector('[data-field="earliest"] time')?.getAttribute('datetime')).toBe('2026-03-20');
    expect(within(answer()).getByText('v1-fake0001')).toBeTruthy();
    // Debounced: far fewer checks than keystrokes.
    expect(backend.checks.length).toBeLessThan(6);
  });

  it('shows needs approval with its reason, and not feasible with alternatives that change the line', async () => {
    const { user } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fillLine(user, { sku: 'PUMP-100', qty: '150', date: '2026-03-20' });
    await requestStatus('needs_approval');
    expect(within(answer()).getByText('Assembly line 1 needs 4 hours of overtime.')).toBeTruthy();
    const plans = within(answer()).getByRole('table', { name: 'Plans, line 1' });
    const chosen = within(plans).getAllByRole('row').find((r) => r.getAttribute('aria-current') === 'true');
    expect(chosen?.querySelector('th')?.textContent).toBe('With overtime (chosen)');

    await fillLine(user, { qty: '300' });
    await requestStatus('not_feasible');
    const alternatives = within(answer()).getByRole('group', { name: 'Alternatives, line 1' });
    await user.click(within(alternatives).getByRole('button', { name: /^Split/ }));
    const line1 = await screen.findByRole('group', { name: 'Line 1' });
    const line2 = await screen.findByRole('group', { name: 'Line 2' });
    expect((within(line1).getByLabelText('Quantity') as HTMLInputElement).value).toBe('100');
    expect((within(line1).getByLabelText('Delivery date') as HTMLInputElement).value).toBe('2026-03-20');
    expect((within(line2).getByLabelText('Quantity') as HTMLInputElement).value).toBe('200');
    expect((within(line2).getByLabelText('Delivery date') as HTMLInputElement).value).toBe('2026-03-27');
    expect((within(line2).getByRole('combobox', { name: 'Product' }) as HTMLInputElement).value).toBe('PUMP-100');
    await requestStatus('needs_approval'); // 100 is ok, 200 needs overtime in the fake plant
  });

  it('applies a later date, and the fastest plan by its date (the delivery mode stays)', async () => {
    const { user } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fillLine(user, { sku: 'PUMP-100', qty: '300', date: '2026-03-20' });
    await requestStatus('not_feasible');
    await user.click(within(answer()).getByRole('button', { name: /^Deliver all 300/ }));
    const line = screen.getByRole('group', { name: 'Line 1' });
    expect((within(line).getByLabelText('Delivery date') as HTMLInputElement).value).toBe('2026-03-27');

    await requestStatus('not_feasible'); // the answer for the new date, so its buttons are live again
    await user.click(within(answer()).getByRole('button', { name: /^Use express/ }));
    expect((screen.getByLabelText('Delivery mode') as HTMLSelectElement).value).toBe('standard');
    expect((within(line).getByLabelText('Delivery date') as HTMLInputElement).value).toBe('2026-03-30');
  });

  it('says in sentences, at each field, what cannot be read, without asking the engine', async () => {
    const { user, backend } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fillLine(user, { sku: 'PUMP-999', qty: '2.5', date: '2026-02-01' });
    await user.tab();
    const line = screen.getByRole('group', { name: 'Line 1' });
    const product = within(line).getByRole('combobox', { name: 'Product' });
    const qty = within(line).getByLabelText('Quantity');
    const describedBy = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent;
    await waitFor(() => expect(qty.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(qty)).toBe('Type a whole number of pieces, e.g. 20.');
    expect(describedBy(product)).toBe('There is no product PUMP-999: choose one from the list.');
    expect(describedBy(within(line).getByLabelText('Delivery date'))).toMatch(/^Choose a delivery date on or after 2026-03-0\d: deliveries cannot be planned in the past\.$/);
    // An unknown product has no list price to prefill: the price is simply still needed.
    expect(within(line).getByLabelText('Unit price').getAttribute('aria-invalid')).toBeNull();
    expect(backend.checks).toHaveLength(0);
    expect(answer().querySelector('.result')).toBeNull(); // no answer for a request that cannot be checked

    await fillLine(user, { sku: 'PUMP-100', qty: '3', date: '2026-03-20' });
    await requestStatus('ok');
    expect(qty.getAttribute('aria-invalid')).toBeNull();
  });

  it('marks a stale answer as updating and drops answers that arrive out of order', async () => {
    // The first request (300 units) answers slowly; the second (5 units) quickly.
    const { user, backend } = setup({ delay: (r) => ((r as { lines: { qty: number }[] }).lines[0]?.qty === 300 ? 500 : 5) });
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fillLine(user, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await requestStatus('ok');

    const qty = within(screen.getByRole('group', { name: 'Line 1' })).getByLabelText('Quantity');
    fireEvent.change(qty, { target: { value: '300' } });
    // The old answer stays, dimmed and marked, while the new one is on its way.
    expect(answer().querySelector('.result')?.getAttribute('data-stale')).toBe('true');
    expect(within(answer()).getByText('Updating…')).toBeTruthy();
    await waitFor(() => expect(backend.checks.some((r) => (r as { lines: { qty: number }[] }).lines[0]?.qty === 300)).toBe(true));
    fireEvent.change(qty, { target: { value: '5' } });
    await requestStatus('ok');
    // The slow answer for 300 arrives afterwards and must not replace the answer for 5.
    await act(() => new Promise((r) => setTimeout(r, 700)));
    expect(answer().querySelector('.result')?.getAttribute('data-stale')).toBe('false');
    expect(answer().querySelector('.request-status [data-status]')?.getAttribute('data-status')).toBe('ok');
    expect(answer().querySelector('[data-field="available"] data')?.getAttribute('value')).toBe('5');
  });

  it('adds a line with Enter and moves to its Product field', async () => {
    const { user } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fillLine(user, { sku: 'PUMP-100', qty: '10' });
    await user.keyboard('{Enter}');
    const line2 = await screen.findByRole('group', { name: 'Line 2' });
    await waitFor(() => expect(document.activeElement).toBe(within(line2).getByRole('combobox', { name: 'Product' })));
    expect(screen.getByRole('button', { name: 'Remove line 2' })).toBeTruthy();
  });

  it('finds a product by name in the combobox, with the keyboard', async () => {
    const { user } = setup();
    const line = await screen.findByRole('group', { name: 'Line 1' });
    const product = within(line).getByRole('combobox', { name: 'Product' });
    await user.type(product, 'brass');
    const options = within(within(line).getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['VALVE-7 Brass valve']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect((product as HTMLInputElement).value).toBe('VALVE-7');
    expect(screen.queryByRole('group', { name: 'Line 2' })).toBeNull(); // Enter picked; it did not add a line
    // Components without a list price are not offered.
    await user.clear(product);
    await user.type(product, 'motor');
    expect(within(line).getByRole('listbox', { hidden: true }).hidden).toBe(true);
    expect(within(within(line).getByRole('listbox', { hidden: true })).queryAllByRole('option', { hidden: true })).toHaveLength(0);
  });

  it('prefills the list price and shows the discount when the price is lowered', async () => {
    const { user } = setup();
    await fillLine(user, { sku: 'PUMP-100' });
    const price = within(screen.getByRole('group', { name: 'Line 1' })).getByLabelText('Unit price') as HTMLInputElement;
    expect(price.value).toBe('120');
    await user.clear(price);
    await user.type(price, '108');
    const hint = document.getElementById(price.getAttribute('aria-describedby')!.split(' ').pop()!)!;
    expect(hint.textContent).toMatch(/List .*120.* discount 10[.,]00/);
  });

  it('shows the bottleneck as a table too', async () => {
    const { user, api } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fillLine(user, { sku: 'PUMP-100', qty: '150', date: '2026-03-20' });
    await requestStatus('needs_approval');
    const table = await screen.findByRole('table', { name: /Assembly line 1: hours by day/ });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
    const capacityCall = api.calls.find((c) => c.channel === 'capacity:around');
    expect(capacityCall?.payload).toMatchObject({ resource_ids: ['LINE-1'], from: '2026-03-06', to: '2026-03-27' });
  });

  it('puts the Check screen in a navigation frame', async () => {
    setup({}, 'app');
    const nav = await screen.findByRole('navigation', { name: 'Screens' }); // after the session is known
    expect(within(nav).getByRole('button', { name: 'Check' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText(/browser preview/)).toBeTruthy();
  });
});
