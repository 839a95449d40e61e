// @vitest-environment jsdom
/**
 * The Verify screen: a summary picked with the file input or dropped on the zone is sent as bytes
 * and the verdict is shown as the main process says it (`intact: signed by NAME (ROLE) on DATE`,
 * or what is wrong).
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifyScreen } from '../../../renderer/screens/promises/verify-screen';
import { renderApp } from './render-app';

vi.mock('../../../renderer/components/bottleneck-chart', () => ({ drawBottleneck: vi.fn(() => () => undefined) }));
afterEach(cleanup);

const summaryFile = (name = 'P-000003-customer.json') =>
  new File([JSON.stringify({ summary: { promise_id: 'P-000003', copy: 'customer', customer: 'Corex' }, signatures: [] })], name, { type: 'application/json' });

describe('the verify screen', () => {
  it('verifies a file chosen with the file input', async () => {
    const { user, api } = renderApp({ ui: <VerifyScreen /> });
    const input = screen.getByLabelText('Summary file (PDF or JSON)');
    await user.upload(input, summaryFile());
    const verdict = await screen.findByRole('region', { name: /Intact/ });
    expect(within(verdict).getByTestId('verdict-message').textContent).toBe('intact: signed by Otto Ops (operations) on 2026-03-02');
    expect(within(verdict).getByRole('link', { name: 'P-000003' }).getAttribute('href')).toBe('#/promise/P-000003');
    expect(within(verdict).getByText('Customer copy')).toBeTruthy();
    expect(within(verdict).getByText('ABCD-EFGH-2345')).toBeTruthy();
    const sent = api.calls.find((c) => c.channel === 'summary:verify')!.payload as { base64: string; name: string };
    expect(sent.name).toBe('P-000003-customer.json');
    expect(JSON.parse(atob(sent.base64))).toMatchObject({ summary: { promise_id: 'P-000003' } });
  });

  it('shows the signed content (customer, lines, quantities, prices, dates) and the status now beside the verdict', async () => {
    const { user } = renderApp({ ui: <VerifyScreen /> });
    await user.upload(screen.getByLabelText('Summary file (PDF or JSON)'), summaryFile());
    const verdict = await screen.findByRole('region', { name: /Intact/ });
    expect(within(verdict).getByTestId('verdict-status').textContent).toBe('cancelled');
    expect(within(verdict).getByText('Corex')).toBeTruthy();
    const lines = within(verdict).getByRole('table', { name: 'Signed lines' });
    const row = within(lines).getByRole('row', { name: /PUMP-100/ });
    expect(row.textContent).toContain('Pump 100');
    expect(row.textContent).toContain(new Intl.NumberFormat(undefined).format(500));
    // The unit price as signed, with its 4 decimals, not rounded to cents.
    expect(row.textContent).toContain(new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(12.405));
    expect(within(row).getByText(/on/).querySelector('time')!.getAttribute('dateTime')).toBe('2026-03-20');
  });

  it('verifies a dropped file and says what is wrong with one that is not a summary', async () => {
    renderApp({ ui: <VerifyScreen /> });
    const zone = screen.getByText(/Drop a summary/).closest('.drop-zone')!;
    fireEvent.drop(zone, { dataTransfer: { files: [new File(['%PDF-1.7 nothing here'], 'scan.pdf', { type: 'application/pdf' })], types: ['Files'] } });
    const verdict = await screen.findByRole('region', { name: /Not a signed summary/ });
    expect(within(verdict).getByTestId('verdict-message').textContent).toBe('unreadable: the file is neither a PDF nor JSON');
    expect(within(verdict).getByRole('heading').textContent).toContain('scan.pdf');

    fireEvent.drop(zone, { dataTransfer: { files: [summaryFile('again.json')], types: ['Files'] } });
    expect(await screen.findByRole('region', { name: /Intact/ })).toBeTruthy();
  });

  it('refuses an empty file before sending it, and is open without signing in', async () => {
    const { user, api } = renderApp({ at: '#/verify' });
    const input = await screen.findByLabelText('Summary file (PDF or JSON)');
    await user.upload(input, new File([], 'empty.json'));
    expect((await screen.findByRole('alert')).textContent).toBe('empty.json is empty.');
    expect(api.calls.some((c) => c.channel === 'summary:verify')).toBe(false);
  });
});
