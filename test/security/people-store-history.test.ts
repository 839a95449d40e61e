/**
 * Both people stores (SQLite, and PostgreSQL where installed; never skipped under CI) keep what
 * verify and sign-in throttling need: each user's role history, every key with its time, when the
 * first user was added, and attempts per name and source counted before the check.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewUser } from '../../main/db/people-store';
import { generateRawKeyPair } from '../../main/people/keys';
import { throttleSeconds } from '../../main/people/people-service';
import { openStoreUnderTest, storeKinds, type StoreUnderTest } from '../support/stores';

const user = (name: string, role: NewUser['role']): NewUser => {
  const k = generateRawKeyPair();
  return { name, role, passHash: 'scrypt$1024$8$1$c2FsdA==$aGFzaA==', publicKey: k.publicKey, encryptedPrivateKey: { v: 1, kdf: 'scrypt', N: 1024, r: 8, p: 1, salt: 'c2FsdA==', nonce: 'bm9uY2U=', ciphertext: 'eA==' } };
};
const iso = (s: string) => new Date(s).toISOString();

describe.each(storeKinds())('%s people store', (kind) => {
  let t: StoreUnderTest;
  beforeEach(async () => {
    t = await openStoreUnderTest(kind);
    return () => t.close();
  });

  it('keeps roles, disabling and keys over time, and when the first user came', async () => {
    const p = t.people;
    expect(await p.firstUserAt()).toBeNull();
    expect(await p.signerHistory('Sam')).toBeNull();
    await p.addUser(user('Ada', 'admin'), 'local', { onlyIfNoUsers: true, at: '2026-03-01T08:00:00.000Z' });
    await p.addUser(user('Sam', 'sales'), 'Ada', { at: '2026-03-02T08:00:00.000Z' });
    await p.setRole('Sam', 'manager', 'Ada', '2026-03-03T08:00:00.000Z');
    await p.setDisabled('Sam', true, 'Ada', '2026-03-04T08:00:00.000Z');
    const k2 = generateRawKeyPair();
    await p.setCredentials('Sam', { passHash: 'x', publicKey: k2.publicKey, encryptedPrivateKey: user('x', 'sales').encryptedPrivateKey }, 'Ada', '2026-03-05T08:00:00.000Z');
    expect(iso((await p.firstUserAt())!)).toBe('2026-03-01T08:00:00.000Z');
    const h = (await p.signerHistory('Sam'))!;
    expect(h.states.map((s) => [iso(s.from), s.role, s.disabled])).toEqual([
      ['2026-03-02T08:00:00.000Z', 'sales', false],
      ['2026-03-03T08:00:00.000Z', 'manager', false],
      ['2026-03-04T08:00:00.000Z', 'manager', true],
    ]);
    expect(h.keys.map((k) => [iso(k.createdAt), k.retiredAt && iso(k.retiredAt)])).toEqual([
      ['2026-03-02T08:00:00.000Z', '2026-03-05T08:00:00.000Z'],
      ['2026-03-05T08:00:00.000Z', null],
    ]);
  });

  it('counts attempts per name and source before the check, refuses while the wait lasts, clears one source', async () => {
    const p = t.people;
    const at = (s: number) => new Date(Date.parse('2026-03-02T08:00:00Z') + s * 1000).toISOString();
    const answers = await Promise.all(Array.from({ length: 6 }, () => p.countSignInAttempt('Sam', 'web', at(0), throttleSeconds)));
    expect(answers.filter((a) => a.counted)).toHaveLength(3);
    expect(answers.filter((a) => !a.counted)).toHaveLength(3);
    expect((await p.signInAttempts('sam', 'web'))!.attempts).toBe(3);
    expect(await p.countSignInAttempt('Sam', 'app', at(0), throttleSeconds)).toEqual({ counted: true, attempts: 1 });
    expect(await p.countSignInAttempt('Sam', 'web', at(2), throttleSeconds)).toEqual({ counted: true, attempts: 4 });
    await p.clearSignInAttempts('Sam', 'web');
    expect(await p.signInAttempts('Sam', 'web')).toBeNull();
    expect((await p.signInAttempts('Sam', 'app'))!.attempts).toBe(1);
  });

  it('counts an attempt while a successful sign-in clears the same row (no lost row, no error)', async () => {
    const p = t.people;
    const at = new Date().toISOString();
    // Counting and clearing interleaved, as parallel sign-ins of one name do: every count either
    // finds the row or makes it, whatever the clears did in between.
    for (let round = 0; round < 10; round++) {
      const work = Array.from({ length: 8 }, (_, i) => (i % 2 ? p.clearSignInAttempts('Sam', 'web') : p.countSignInAttempt('Sam', 'web', at, () => 0)));
      const answers = (await Promise.all(work)).filter((a) => a !== undefined);
      expect(answers.every((a) => a.counted)).toBe(true);
    }
  });
});
