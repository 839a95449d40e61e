// @vitest-environment jsdom
/**
 * Signing in, found by role and label as a person would: the frame asks for a sign-in while
 * users exist and nobody is signed in, says plainly when the passphrase is wrong, shows the
 * slow-down after repeated failures, and then shows who is signed in, with Sign out.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './render-app';

vi.mock('../../../renderer/components/bottleneck-chart', () => ({ drawBottleneck: vi.fn(() => () => undefined) }));
afterEach(cleanup);

describe('the sign-in screen', () => {
  it('refuses a wrong passphrase clearly, then signs in and shows the user and role in the frame', async () => {
    const { user, api } = renderApp();
    const name = await screen.findByLabelText('Name');
    expect(screen.getByRole('heading', { name: 'Sign in to Promise Desk' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Screens' })?.textContent ?? '').not.toMatch(/Check|Promises/);

    await user.type(name, 'Sam Sales');
    await user.type(screen.getByLabelText('Passphrase'), 'wrong passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The name or passphrase is not correct.');
    expect(screen.getByText('2 more tries before each further try must wait.')).toBeTruthy();
    expect((screen.getByLabelText<HTMLInputElement>('Passphrase')).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Passphrase'));

    await user.type(screen.getByLabelText('Passphrase'), 'sam pass 1234{Enter}');
    const who = await screen.findByRole('group', { name: 'Signed in' });
    expect(within(who).getByTestId('session-user').textContent).toBe('Sam Sales');
    expect(within(who).getByTestId('session-role').textContent).toBe('Sales');
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).getByRole('button', { name: 'Check' })).toBeTruthy();
    expect(within(nav).queryByRole('button', { name: /Approvals/ })).toBeNull(); // sales approve nothing
    expect(within(nav).queryByRole('button', { name: 'Users' })).toBeNull();
    // The role never travels from the renderer.
    expect(api.calls.filter((c) => c.channel === 'session:signin').map((c) => Object.keys(c.payload as object).sort())).toEqual([
      ['name', 'passphrase'],
      ['name', 'passphrase'],
    ]);

    await user.click(within(who).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Promise Desk' })).toBeTruthy();
  });

  it('shows the slow-down after repeated wrong passphrases and holds the button until it passes', async () => {
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Name'), 'Otto Ops');
    for (let i = 0; i < 3; i++) {
      await user.type(screen.getByLabelText('Passphrase'), 'not the one 1');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect((screen.getByLabelText<HTMLInputElement>('Passphrase')).value).toBe(''));
    }
    expect(screen.getByRole('alert').textContent).toMatch(/not correct.*wait 2 s/);
    expect(screen.getByRole('status').textContent).toMatch(/Slowed down after repeated wrong passphrases: you can try again in [12] s/);
    expect((screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' })).disabled).toBe(true);
    await waitFor(() => expect((screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' })).disabled).toBe(false), { timeout: 4000 });
    expect(screen.queryByText(/Slowed down/)).toBeNull();
  });

  it('asks for the name and passphrase before calling, and keeps Verify open without signing in', async () => {
    const { user, api } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your name.');
    expect(api.calls.some((c) => c.channel === 'session:signin')).toBe(false);
    await user.click(screen.getByRole('link', { name: 'Verify a signed summary' }));
    expect(await screen.findByRole('heading', { name: 'Verify a signed summary' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('in single-user mode shows local (admin) and needs no sign-in', async () => {
    renderApp({ singleUser: true });
    expect(await screen.findByText(/Single-user mode/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).getByRole('button', { name: 'Users' })).toBeTruthy();
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
  });
});
