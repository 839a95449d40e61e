// @vitest-environment jsdom
/**
 * Re-promising an at-risk promise whose new check needs approval (issue 14, item 8): the form says
 * what to tell the customer, the earliest delivery and the alternatives, and submits for approval.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../renderer/api';
import { ApiContext } from '../../renderer/hooks/use-api';
import { RepromiseForm } from '../../renderer/screens/at-risk/repromise-form';
import type { CheckResult } from '../../shared/schemas/check';
import { fakeApi, fakeContext } from '../fakes/fake-backend';

afterEach(cleanup);

const promise = {
  id: 'P-000007',
  status: 'confirmed',
  customer: 'Acme',
  region: 'DE',
  mode: 'standard' as const,
  created_by: 'Sam Sales',
  confirmed_at: '2026-03-01T10:00:00Z',
  submitted_at: null,
  reasons: [{ code: 'capacity_short' as const, message: 'Assembly line 1 is fully booked.' }],
  lines: [{ sku: 'PUMP-100', qty: 150, requested_date: '2026-03-20', unit_price: '120' }],
};

async function checked(qty: number): Promise<CheckResult> {
  const r = await fakeApi(fakeContext()).call('check:run', { request: { customer: 'Acme', region: 'DE', lines: [{ sku: 'PUMP-100', qty, requested_date: '2026-03-20', unit_price: '120' }] } });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the re-promise form', () => {
  it('submits a re-promise that needs approval, saying who must approve', async () => {
    const needs = await checked(150);
    const calls: { channel: string; payload: unknown }[] = [];
    const api = {
      call: async (channel: string, payload: unknown) => {
        calls.push({ channel, payload });
        if (channel === 'risk:recheck') return { ok: true, value: needs };
        return { ok: true, value: { confirmed: true, id: 'P-000008', replaces: 'P-000007', result: needs, status: 'awaiting_approval' } };
      },
    } as unknown as Api;
    let done = '';
    const user = userEvent.setup();
    render(
      <ApiContext.Provider value={api}>
        <RepromiseForm promise={promise} onDone={(m) => (done = m)} />
      </ApiContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Check these dates and quantities' }));
    const form = screen.getByRole('form', { name: 'Re-promise P-000007' });
    await within(form).findByText(/^150 PUMP-100 delivered .* once approved \(overtime\)\.$/);
    expect(within(form).getByText(/Earliest delivery:/).querySelector('time')?.getAttribute('datetime')).toBe('2026-03-27');
    expect(within(form).getByText(/Needs approval by operations \(capacity: overtime\)/)).toBeTruthy();
    expect(within(form).queryByRole('button', { name: 'Confirm the re-promise' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Submit the re-promise for approval' }));
    await waitFor(() => expect(done).toBe('Re-promised: P-000008 is submitted for approval by operations (capacity: overtime) and replaces P-000007, which is cancelled.'));
    expect(calls.at(-1)).toEqual({ channel: 'risk:repromise', payload: { id: 'P-000007', lines: promise.lines, submit: true } });
  });

  it('shows the alternatives of a line that cannot be met, and takes a later date with one button', async () => {
    const bad = await checked(300);
    const api = { call: async () => ({ ok: true, value: bad }) } as unknown as Api;
    const user = userEvent.setup();
    render(
      <ApiContext.Provider value={api}>
        <RepromiseForm promise={{ ...promise, lines: [{ ...promise.lines[0]!, qty: 300 }] }} onDone={() => undefined} />
      </ApiContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Check these dates and quantities' }));
    const list = await screen.findByRole('list', { name: 'Alternatives, line 1' });
    expect(screen.getByText(/cannot be met: take an alternative/)).toBeTruthy();
    await user.click(within(list).getAllByRole('button')[0]!);
    expect((screen.getByLabelText('Requested date') as HTMLInputElement).value).toBe(bad.lines[0]!.alternatives[0]!.deliveries[0]!.date);
  });
});
