/** What Help > Check for Updates says in every case. */
import { describe, expect, it } from 'vitest';
import { updateVerdict } from '../../../main/shell/update-verdict';

describe('updateVerdict', () => {
  it.each([
    [{ feed: false } as const, { ok: true, message: 'This build does not look for updates.' }],
    [{ feed: true, error: 'net::ERR_NAME_NOT_RESOLVED' } as const, { ok: false, message: 'Could not look for updates.', detail: expect.stringContaining('net::ERR_NAME_NOT_RESOLVED') }],
    [{ feed: true, current: '0.1.0', latest: '0.1.0', available: false } as const, { ok: true, message: 'Promise Desk 0.1.0 is the latest version.' }],
    [{ feed: true, current: '0.1.0', latest: null, available: false } as const, { ok: true, message: 'Promise Desk 0.1.0 is the latest version.' }],
    [{ feed: true, current: '0.1.0', latest: '0.2.0', available: true } as const, { ok: true, message: 'Promise Desk 0.2.0 is available.', detail: expect.stringContaining('installed when you quit') }],
  ])('%j', (check, verdict) => {
    expect(updateVerdict(check)).toMatchObject(verdict);
  });

  it('a failed check says work goes on', () => {
    expect(updateVerdict({ feed: true, error: 'x' }).detail).toMatch(/keeps working/);
  });
});
