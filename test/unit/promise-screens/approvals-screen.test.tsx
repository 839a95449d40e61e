// @vitest-environment jsdom
/**
 * The approvals queue per role, with its count on the navigation: operations see what needs
 * operations (not what needs a manager, never their own); a rejection needs a comment; an
 * approval leaves the queue and the count follows.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './render-app';

vi.mock('../../../renderer/components/bottleneck-chart', () => ({ drawBottleneck: vi.fn(() => () => undefined) }));
afterEach(cleanup);

const nav = () => screen.getByRole('navigation', { name: 'Screens' });

describe('the approvals screen', () => {
  it('lists what operations must decide, with the count on the navigation', async () => {
    renderApp({ signedIn: 'Otto Ops', at: '#/approvals' });
    expect(await screen.findByRole('heading', { name: 'Approvals', level: 1 })).toBeTruthy();
    const entry = await within(nav()).findByRole('button', { name: /Approvals/ });
    await waitFor(() => expect(within(entry).getByTestId('approvals-count').textContent).toMatch(/^\s*1/));
    expect(entry.textContent).toMatch(/1 waiting for you/);
    expect(entry.getAttribute('aria-current')).toBe('page');

    const list = await screen.findByRole('list', { name: 'Waiting for approval' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(within(card).getByRole('link', { name: 'P-000001' }).getAttribute('href')).toBe('#/promise/P-000001');
    expect(within(card).getByText('Assembly line 1 needs 4 hours of overtime.')).toBeTruthy();
    expect(within(card).getByText('Sam Sales', { exact: false })).toBeTruthy();
    expect(screen.queryByText(/P-000002/)).toBeNull(); // that one waits for a manager
  });

  it('needs a comment to reject, and approves with one', async () => {
    const { user, api } = renderApp({ signedIn: 'Otto Ops', at: '#/approvals' });
    const card = (await screen.findAllByRole('article'))[0]!;
    await user.click(within(card).getByRole('button', { name: 'Reject P-000001' }));
    expect(within(card).getByText('A rejection needs a comment saying why.')).toBeTruthy();
    const comment = within(card).getByLabelText('Comment on P-000001');
    expect(document.activeElement).toBe(comment);
    expect(api.calls.some((c) => c.channel === 'promises:reject')).toBe(false);

    await user.type(comment, 'overtime booked for Monday');
    await user.click(within(card).getByRole('button', { name: 'Approve P-000001' }));
    expect((await screen.findByRole('status', {}, { timeout: 3000 })).textContent).toMatch(/Approved and confirmed P-000001/);
    expect(await screen.findByText('Nothing is waiting for you.')).toBeTruthy();
    expect(api.calls.find((c) => c.channel === 'promises:approve')?.payload).toEqual({ id: 'P-000001', comment: 'overtime booked for Monday' });
    await waitFor(() => expect(within(nav()).queryByTestId('approvals-count')).toBeNull());
  });

  it('is not offered to sales, and a salesperson sees an empty queue', async () => {
    renderApp({ signedIn: 'Sam Sales', at: '#/approvals' });
    expect(await screen.findByText('Nothing is waiting for you.')).toBeTruthy();
    expect(within(nav()).queryByRole('button', { name: /Approvals/ })).toBeNull();
  });

  it('shows an admin every promise that waits, and keyboard alone can approve', async () => {
    const { user } = renderApp({ signedIn: 'Ada Admin', at: '#/approvals' });
    const list = await screen.findByRole('list', { name: 'Waiting for approval' });
    expect(within(list).getAllByRole('article')).toHaveLength(2);
    const second = within(list).getAllByRole('article')[1]!;
    within(second).getByLabelText(/Comment on P-00000/).focus();
    await user.keyboard('fine by me');
    await user.tab();
    expect(document.activeElement?.textContent).toMatch(/^Approve P-00000/);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(list).queryAllByRole('article').length).toBeLessThan(2));
  });
});
