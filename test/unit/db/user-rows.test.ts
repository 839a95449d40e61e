/** The users' rows a server instance keeps (main/db/postgres/user-rows.ts), without a database. */
import { describe, expect, it } from 'vitest';
import { UserRows } from '../../../main/db/postgres/user-rows';

/** A loader that counts its reads and answers `value()` when `release` is called (or at once). */
function loader(value: () => string, held = false) {
  const pending: (() => void)[] = [];
  const load = () => {
    load.reads++;
    const v = value();
    return held ? new Promise<string>((ok) => pending.push(() => ok(v))) : Promise.resolve(v);
  };
  load.reads = 0;
  const release = async () => {
    for (const p of pending.splice(0)) p();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { load, release };
}

describe('kept user rows', () => {
  it('keeps nothing while notices are not heard', async () => {
    const rows = new UserRows<string>();
    const { load } = loader(() => 'sales');
    await rows.get('sam', load);
    await rows.get('sam', load);
    expect(load.reads).toBe(2);
  });

  it('keeps a row while notices are heard, until a notice names it or any', async () => {
    const rows = new UserRows<string>();
    rows.setListening(true);
    let role = 'sales';
    const { load } = loader(() => role);
    expect(await rows.get('sam', load)).toBe('sales');
    expect(await rows.get('sam', load)).toBe('sales');
    expect(load.reads).toBe(1);
    role = 'manager';
    rows.forget('kim'); // another user's row: sam's is still good
    expect(await rows.get('sam', load)).toBe('sales');
    rows.forget('sam');
    expect(await rows.get('sam', load)).toBe('manager');
    role = 'admin';
    rows.forget(null);
    expect(await rows.get('sam', load)).toBe('admin');
    expect(load.reads).toBe(3);
  });

  it('does not keep a read that a notice overtook', async () => {
    const rows = new UserRows<string>();
    rows.setListening(true);
    let role = 'sales';
    const slow = loader(() => role, true);
    const first = rows.get('sam', slow.load);
    role = 'manager';
    rows.forget('sam'); // committed while the read was on its way
    await slow.release();
    expect(await first).toBe('sales'); // that caller's answer, as read
    const { load } = loader(() => role);
    expect(await rows.get('sam', load)).toBe('manager');
    expect(load.reads).toBe(1);
  });

  it('forgets everything when the connection goes, and keeps no failed read', async () => {
    const rows = new UserRows<string>();
    rows.setListening(true);
    const { load } = loader(() => 'sales');
    await rows.get('sam', load);
    rows.setListening(false);
    rows.setListening(true);
    await rows.get('sam', load);
    expect(load.reads).toBe(2);
    await expect(rows.get('kim', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    await new Promise((r) => setTimeout(r, 0));
    expect(await rows.get('kim', load)).toBe('sales');
  });
});
