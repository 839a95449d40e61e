/** Users, passphrases, throttling and keys as the promise life needs them (`promises.md`). */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../main/people/keys';
import { throttleSeconds } from '../../../main/people/people-service';
import { exportSummary, verifySummary } from '../../../main/services/summary-service';
import { PASS, addTeam } from './people';
import { openDesk, request } from './plant';

describe('users', () => {
  it('the first user must be an admin and is added without one; then only admins add', async () => {
    const d = await openDesk();
    expect(await d.people.singleUserMode()).toBe(true);
    await expect(d.people.addUser(null, 'Sam', 'sales', PASS.sales)).rejects.toThrow('the first user must be an admin');
    await d.people.addUser(null, 'Ada', 'admin', PASS.admin);
    expect(await d.people.singleUserMode()).toBe(false);
    await expect(d.people.addUser(null, 'Bob', 'admin', PASS.admin)).rejects.toThrow(/only an admin may add users/);
    const ada = await d.people.signIn('Ada', PASS.admin);
    await d.people.addUser(ada, 'Sam', 'sales', PASS.sales);
    const sam = await d.people.signIn('sam', PASS.sales);
    expect(sam.name).toBe('Sam');
    await expect(d.people.addUser(sam, 'Eve', 'sales', PASS.sales)).rejects.toThrow(/only an admin may add users \(Sam is sales\)/);
    await expect(d.people.addUser(ada, 'SAM', 'sales', PASS.sales)).rejects.toThrow(/exists already/);
    await expect(d.people.addUser(ada, 'Tim', 'boss', PASS.sales)).rejects.toThrow(/role must be one of/);
    await expect(d.people.addUser(ada, 'Tim', 'sales', 'short')).rejects.toThrow(/at least 10 characters/);
    await expect(d.people.addUser(ada, 'x'.repeat(65), 'sales', PASS.sales)).rejects.toThrow(/64/);
    const list = await d.people.listUsers();
    expect(list.map((u) => [u.name, u.role, u.disabled])).toEqual([['Ada', 'admin', false], ['Sam', 'sales', false]]);
    expect(list[0]!.fingerprint).toBe(fingerprint(ada.publicKey));
    await d.close();
  });

  it('roles and disabling are admin-only, and one enabled admin always remains', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    await expect(d.people.setRole(t.sales, 'Sue Sales', 'manager')).rejects.toThrow(/only an admin/);
    await expect(d.people.disableUser(t.ops, 'Sue Sales')).rejects.toThrow(/only an admin/);
    await expect(d.people.disableUser(t.admin, 'Ada Admin')).rejects.toThrow(/one enabled admin must remain/);
    await expect(d.people.setRole(t.admin, 'Ada Admin', 'sales')).rejects.toThrow(/one enabled admin must remain/);
    expect((await d.people.setRole(t.admin, 'Sue Sales', 'manager')).role).toBe('manager');
    expect((await d.people.signIn('Sue Sales', PASS.sales2)).role).toBe('manager');
    await expect(d.people.setRole(t.admin, 'Nobody', 'sales')).rejects.toThrow(/no user named Nobody/);
    await d.close();
  });

  it('a disabled user can no longer act, and what they signed still verifies', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const c = await d.promises.confirm(t.sales, { request: request(8) });
    if (!c.ok) throw new Error(c.message);
    await d.people.disableUser(t.admin, 'Sam Sales');
    await expect(d.people.signIn('Sam Sales', PASS.sales)).rejects.toThrow('Sam Sales is disabled and can no longer act');
    const json = await exportSummary(d.promises, c.id, 'customer', 'json');
    if (!json.ok) throw new Error(json.message);
    expect((await verifySummary(d.people, json.bytes)).message).toBe('intact: signed by Sam Sales (sales) on 2026-03-02');
    await d.close();
  });
});

describe('passphrases', () => {
  it('a wrong passphrase is refused; repeated ones are slowed down, and that is persisted', async () => {
    const d = await openDesk();
    await addTeam(d);
    await expect(d.people.signIn('Sam Sales', 'wrong passphrase')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(d.people.signIn('Sam Sales', 'wrong passphrase')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(d.people.signIn('Sam Sales', 'wrong passphrase')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    // The fourth try within 2 s is refused without looking at the passphrase, even the right one.
    await expect(d.people.signIn('Sam Sales', PASS.sales)).rejects.toMatchObject({ problem: 'throttled', message: 'too many wrong passphrases for Sam Sales: try again in 2 s' });
    // Another connection (another process) sees the same count.
    await d.close();
    const again = await openDesk(d.clock, d.path);
    await expect(again.people.signIn('sam sales', PASS.sales)).rejects.toMatchObject({ problem: 'throttled' });
    again.clock.advanceHours(1 / 3600 * 2);
    await expect(again.people.signIn('Sam Sales', 'wrong again!')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(again.people.signIn('Sam Sales', PASS.sales)).rejects.toMatchObject({ problem: 'throttled', message: /try again in 4 s/ });
    again.clock.advanceHours(1 / 3600 * 4);
    expect((await again.people.signIn('Sam Sales', PASS.sales)).name).toBe('Sam Sales');
    // A success clears the count.
    await expect(again.people.signIn('Sam Sales', 'wrong passphrase')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await again.close();
  });

  it('the wait doubles and is capped', () => {
    expect([0, 1, 2, 3, 4, 5, 10, 40].map(throttleSeconds)).toEqual([0, 0, 0, 2, 4, 8, 256, 300]);
  });

  it('unknown names are refused and throttled too', async () => {
    const d = await openDesk();
    await addTeam(d);
    await expect(d.people.signIn('Nobody', 'some passphrase')).rejects.toMatchObject({ problem: 'unknown_user' });
    await d.close();
  });

  it('changing one\'s own passphrase re-encrypts the same key; an admin reset gives a new key and the old one stays known', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const c = await d.promises.confirm(t.sales, { request: request(8) });
    if (!c.ok) throw new Error(c.message);
    await expect(d.people.changePassphrase(t.sales, 'Sam Sales', 'new sales passphrase', 'not the current one')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(d.people.changePassphrase(t.sales, 'Sue Sales', 'new sales passphrase')).rejects.toMatchObject({ problem: 'forbidden' });
    const own = await d.people.changePassphrase(t.sales, 'Sam Sales', 'new sales passphrase', PASS.sales);
    expect(own.newKey).toBe(false);
    await expect(d.people.signIn('Sam Sales', PASS.sales)).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    const sam = await d.people.signIn('Sam Sales', 'new sales passphrase');
    expect(sam.publicKey).toBe(t.sales.publicKey);
    const reset = await d.people.changePassphrase(t.admin, 'Sam Sales', 'reset by admin 1');
    expect(reset.newKey).toBe(true);
    const samAfter = await d.people.signIn('Sam Sales', 'reset by admin 1');
    expect(samAfter.publicKey).not.toBe(t.sales.publicKey);
    const json = await exportSummary(d.promises, c.id, 'internal', 'json');
    if (!json.ok) throw new Error(json.message);
    expect((await verifySummary(d.people, json.bytes)).intact).toBe(true);
    await d.close();
  });
});
