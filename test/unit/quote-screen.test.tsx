// @vitest-environment jsdom
/**
 * The salesperson's quote (issue 14) on the Check screen, against the fake API: kept per user
 * across visits, complete lines answered while another is unfinished, the customer sentence and
 * promised date first, the quote's other lines in the bottleneck table, German numbers, drafts
 * opened and promises copied, Print, Ctrl+P and Copy as text, and where the focus goes.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../shared/contract-promises';
import { ApiContext } from '../../renderer/hooks/use-api';
import { SessionContext } from '../../renderer/hooks/use-session';
import { localeMarks } from '../../renderer/quote/locale-number';
import { CheckScreen } from '../../renderer/screens/check-screen';
import { fakeApi, fakeBackend, fakeContext } from '../fakes/fake-backend';

vi.mock('../../renderer/components/bottleneck-chart', () => ({ drawBottleneck: vi.fn(() => () => undefined) }));

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.location.hash = '';
  vi.restoreAllMocks();
});

const session = (name: string): SessionView => ({
  mode: 'signed_in',
  user: { name, role: 'sales' },
  idle_minutes: 15,
  may: { administer_users: false, edit_operations: false, fulfil: false, approve_for: [] },
});

function setup(opts: { user?: string; marks?: ReturnType<typeof localeMarks> } = {}) {
  const backend = fakeBackend();
  const ctx = fakeContext(backend);
  const api = fakeApi(ctx);
  const user = userEvent.setup();
  const ui = (name = opts.user ?? 'Sam Sales') => (
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={{ session: session(name), refresh: () => undefined, set: () => undefined }}>
        <CheckScreen {...(opts.marks ? { marks: opts.marks } : {})} />
      </SessionContext.Provider>
    </ApiContext.Provider>
  );
  const view = render(ui());
  return { api, backend, user, view, ui };
}

const group = (n: number) => screen.findByRole('group', { name: `Line ${n}` });
const answer = () => screen.getByRole('region', { name: 'Answer' });
const settled = (status: string) =>
  waitFor(() => {
    const result = answer().querySelector('.result');
    expect(result?.getAttribute('data-stale')).toBe('false');
    expect(result?.querySelector('.request-status [data-status]')?.getAttribute('data-status')).toBe(status);
  });

async function fill(user: ReturnType<typeof userEvent.setup>, n: number, v: { sku?: string; qty?: string; date?: string; price?: string }) {
  const g = within(await group(n));
  if (v.sku !== undefined) await user.type(g.getByRole('combobox', { name: 'Product' }), v.sku);
  if (v.qty !== undefined) {
    await user.clear(g.getByLabelText('Quantity'));
    await user.type(g.getByLabelText('Quantity'), v.qty);
  }
  if (v.date !== undefined) fireEvent.change(g.getByLabelText('Delivery date'), { target: { value: v.date } });
  if (v.price !== undefined) {
    await user.clear(g.getByLabelText('Unit price'));
    await user.type(g.getByLabelText('Unit price'), v.price);
  }
}

describe('the quote in progress', () => {
  it('is kept per user: leaving the screen and coming back finds it intact; another user does not see it', async () => {
    const { user, view, ui } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme GmbH');
    await fill(user, 1, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await settled('ok');
    view.unmount(); // another screen

    const again = render(ui());
    expect(((await screen.findByLabelText('Customer')) as HTMLInputElement).value).toBe('Acme GmbH');
    const g = within(await group(1));
    expect((g.getByLabelText('Quantity') as HTMLInputElement).value).toBe('40');
    expect((g.getByRole('combobox', { name: 'Product' }) as HTMLInputElement).value).toBe('PUMP-100');
    await settled('ok');
    again.unmount();

    render(ui('Otto Ops'));
    expect(((await screen.findByLabelText('Customer')) as HTMLInputElement).value).toBe('');
  });

  it('is no longer kept once saved as a draft, and New quote asks before clearing', async () => {
    const { user, view, ui } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Acme');
    await fill(user, 1, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await settled('ok');
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await user.click(screen.getByRole('button', { name: 'New quote' }));
    expect(ask).toHaveBeenCalledWith('Clear the quote in progress? What was typed is lost.');
    expect((screen.getByLabelText('Customer') as HTMLInputElement).value).toBe('Acme');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const saved = await screen.findByRole('status', { name: '' }, { timeout: 3000 }).catch(() => screen.getByText(/Saved as a draft/));
    expect(saved.textContent).toMatch(/Saved as a draft/);
    view.unmount();
    render(ui());
    expect(((await screen.findByLabelText('Customer')) as HTMLInputElement).value).toBe('');
  });
});

describe('unfinished lines', () => {
  it('keep the other lines answered; the unfinished one says what it needs; no customer is needed to check', async () => {
    const { user, backend } = setup();
    await fill(user, 1, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await settled('ok');
    await user.click(screen.getByRole('button', { name: 'Add line' }));
    await fill(user, 2, { sku: 'VALVE-7' });
    await settled('ok');
    expect(within(answer()).getByRole('article', { name: /Line 1: PUMP-100/ })).toBeTruthy();
    expect(within(answer()).getByRole('article', { name: 'Line 2: VALVE-7' }).textContent).toMatch(/Line 2 still needs a quantity; the other lines are answered without it\./);
    expect(within(answer()).queryByText(/problems/)).toBeNull();
    expect(backend.checks.every((r) => (r as { lines: unknown[] }).lines.length === 1)).toBe(true);
    expect(screen.getByText('Finish or remove line 2 to confirm, submit or save.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Confirm promise' }) as HTMLButtonElement).disabled).toBe(true);

    await fill(user, 2, { qty: '5' });
    await waitFor(() => expect(within(answer()).getByRole('article', { name: /Line 2: VALVE-7/ }).querySelector('[data-field="sentence"]')).toBeTruthy());
    expect(screen.getByText('Type the customer to confirm, submit or save (a check needs none).')).toBeTruthy();
    await user.type(screen.getByLabelText('Customer'), 'Acme');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Confirm promise' }) as HTMLButtonElement).disabled).toBe(false));
  });
});

describe('what to tell the customer', () => {
  it('says one sentence per line first, the promised delivery of the chosen plan, and folds the plans of an OK line', async () => {
    const { user } = setup();
    await fill(user, 1, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await settled('ok');
    const line = within(answer()).getByRole('article', { name: /Line 1: PUMP-100/ });
    const sentence = line.querySelector('[data-field="sentence"]')!;
    expect(sentence.textContent).toMatch(/^40 PUMP-100 delivered Fri,? (20 Mar|Mar 20), OK to promise\.$/);
    expect(line.querySelector('[data-field="promised"] time')?.getAttribute('datetime')).toBe('2026-03-20');
    expect((line.querySelector('details.plan-detail') as HTMLDetailsElement).open).toBe(false);
    // It comes before the figures.
    expect(sentence.compareDocumentPosition(line.querySelector('dl.facts')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await fill(user, 1, { qty: '300' });
    await settled('not_feasible');
    const bad = within(answer()).getByRole('article', { name: /Line 1: PUMP-100/ });
    expect(bad.querySelector('[data-field="sentence"]')!.textContent).toMatch(/^300 PUMP-100 not by .*: .* or all 300 on /);
    expect((bad.querySelector('details.plan-detail') as HTMLDetailsElement).open).toBe(true);
  });

  it('shows the hours of the quote’s other lines planned before a line in its bottleneck table', async () => {
    const { user } = setup();
    await fill(user, 1, { sku: 'PUMP-100', qty: '150', date: '2026-03-20' });
    await user.click(screen.getByRole('button', { name: 'Add line' }));
    await fill(user, 2, { sku: 'PUMP-100', qty: '150', date: '2026-03-20' });
    await settled('needs_approval');
    const table = await within(within(answer()).getByRole('article', { name: /Line 2: PUMP-100/ })).findByRole('table', { name: /Assembly line 1: hours by day/ });
    const heads = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    const col = heads.indexOf('This quote, other lines');
    expect(col).toBeGreaterThan(0);
    // Line 1's overtime plan takes 37.5 h on 16 Mar and 8 + 4 h on 17 Mar in the fake plant.
    const cells = within(table).getAllByRole('row').slice(1).map((r) => [r.querySelector('time')?.getAttribute('datetime'), r.children[col]?.textContent]);
    expect(cells).toContainEqual(['2026-03-16', '37.5']);
    expect(cells).toContainEqual(['2026-03-17', '12']);
    // Line 1 is planned first: its own table shows none of line 2's hours.
    const first = await within(within(answer()).getByRole('article', { name: /Line 1: PUMP-100/ })).findByRole('table', { name: /Assembly line 1: hours by day/ });
    expect(within(first).getAllByRole('row').slice(1).every((r) => r.children[col]?.textContent === '0')).toBe(true);
  });
});

describe('numbers as typed in a German locale', () => {
  it('reads 1.000 pieces and 1.395,50, and says what to type otherwise', async () => {
    const { user, backend } = setup({ marks: localeMarks('de-DE') });
    await fill(user, 1, { sku: 'PUMP-100', qty: '1.000', date: '2026-03-20', price: '1.395,50' });
    await settled('not_feasible');
    expect(backend.checks.at(-1)).toMatchObject({ lines: [{ qty: 1000, unit_price: '1395.50' }] });
    await fill(user, 1, { qty: '2,5' });
    const qty = within(await group(1)).getByLabelText('Quantity');
    await waitFor(() => expect(document.getElementById(qty.getAttribute('aria-describedby')!)?.textContent).toBe('Type a whole number of pcs, e.g. 20.'));
  });
});

describe('reusing quotes', () => {
  it('copies a promise into a new quote from its address, asking before replacing one in progress', async () => {
    const { user } = setup();
    await user.type(await screen.findByLabelText('Customer'), 'Somebody');
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(true);
    window.location.hash = '#/check/copy-P-000003';
    fireEvent(window, new HashChangeEvent('hashchange'));
    await waitFor(() => expect((screen.getByLabelText('Customer') as HTMLInputElement).value).toBe('Corex'));
    expect(ask).toHaveBeenCalledWith('Replace the quote in progress with a copy of P-000003?');
    expect(screen.getByText('A new quote copied from P-000003 (confirmed).')).toBeTruthy();
    expect(window.location.hash).toBe('#/check');
    expect((within(await group(1)).getByLabelText('Quantity') as HTMLInputElement).value).toBe('40');
  });

  it('suggests the customers already used', async () => {
    setup();
    await waitFor(() => expect([...document.querySelectorAll('#customers-used option')].map((o) => o.getAttribute('value'))).toEqual(expect.arrayContaining(['Acme', 'Bolt AG', 'Corex'])));
    expect(screen.getByLabelText('Customer').getAttribute('list')).toBe('customers-used');
  });

  it('continues a saved draft, and cancels it once the quote becomes a promise', async () => {
    const { user, api } = setup();
    await fill(user, 1, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await user.type(screen.getByLabelText('Customer'), 'Delta');
    await settled('ok');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText(/Saved as a draft/);
    const id = 'P-000004';
    window.location.hash = `#/check/${id}`;
    fireEvent(window, new HashChangeEvent('hashchange'));
    await screen.findByText(`Continuing draft ${id}.`);
    await fill(user, 1, { qty: '50' }); // continued: changed before it is confirmed
    await settled('ok');
    await user.click(screen.getByRole('button', { name: 'Confirm promise' }));
    await screen.findByText(/Confirmed P-000005/);
    expect(api.calls.find((c) => c.channel === 'promises:cancel')?.payload).toEqual({ id, comment: 'Continued as P-000005' });
  });
});

describe('print, copy and focus', () => {
  it('focuses Customer on arrival, prints with the button and Ctrl+P, copies the sentences, and focuses the result after Confirm', async () => {
    const { user } = setup();
    const customer = await screen.findByLabelText('Customer');
    await waitFor(() => expect(document.activeElement).toBe(customer));
    await user.type(customer, 'Acme');
    await fill(user, 1, { sku: 'PUMP-100', qty: '40', date: '2026-03-20' });
    await settled('ok');

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    fireEvent.keyDown(window, { key: 'p', ctrlKey: true });
    expect(print).toHaveBeenCalledTimes(2);

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^Delivery for Acme \(DE\):\n- 40 PUMP-100 delivered .*, OK to promise\.$/));
    expect(screen.getByText(/Copied the customer sentences/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Confirm promise' }));
    const said = await screen.findByText(/Confirmed P-0000\d\d/);
    await waitFor(() => expect(document.activeElement).toBe(said.closest('p')));
  });
});

describe('own drafts first', () => {
  it('puts the salesperson’s own drafts before everything else, keeping the order otherwise', async () => {
    const { ownDraftsFirst } = await import('../../renderer/screens/promises/promises-screen');
    const row = (id: string, status: string, by: string) => ({ id, status, created_by: by }) as never;
    const rows = [row('P-1', 'confirmed', 'sam'), row('P-2', 'draft', 'ana'), row('P-3', 'draft', 'sam'), row('P-4', 'draft', 'sam')];
    expect(ownDraftsFirst(rows, 'sam').map((r: { id: string }) => r.id)).toEqual(['P-3', 'P-4', 'P-1', 'P-2']);
    expect(ownDraftsFirst(rows, null).map((r: { id: string }) => r.id)).toEqual(['P-1', 'P-2', 'P-3', 'P-4']);
  });
});
