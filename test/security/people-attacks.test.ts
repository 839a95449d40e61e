/**
 * Issue #13 rows 3, 9 and 17: look-alike and hidden-character names, sign-in guessing, and the
 * passphrase hash. Each case failed before the fix.
 */
import { describe, expect, it } from 'vitest';
import { decryptPrivateKeyRaw, generateUserKeys } from '../../main/people/keys';
import { DEFAULT_SCRYPT_COST, hashPassphrase, nameSkeleton, passphraseProblem, userNameProblem, verifyPassphrase } from '../../main/people/passphrase';
import { MAX_WAIT_S, throttleSeconds } from '../../main/people/people-service';
import { addTeam, PASS } from '../unit/promises/people';
import { FAST, openDesk, secondConnection } from '../unit/promises/plant';

describe('row 3: names that hide or pretend', () => {
  it('a Cyrillic а next to admin, or the same name with look-alike letters in another case: refused at users add', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    await d.people.addUser(t.admin, 'admin', 'sales', 'a passphrase 1');
    await expect(d.people.addUser(t.admin, '\u0430dmin', 'admin', 'a passphrase 1')).rejects.toMatchObject({ problem: 'refused', message: 'the name "аdmin" looks like the existing user "admin" (confusable characters or case)' });
    await expect(d.people.addUser(t.admin, 'АDMIN', 'admin', 'a passphrase 1')).rejects.toMatchObject({ problem: 'refused' });
    await expect(d.people.addUser(t.admin, 'Sarn Sales', 'admin', 'a passphrase 1')).rejects.toMatchObject({ problem: 'refused' }); // rn looks like m
    expect((await d.people.addUser(t.admin, 'Adam', 'sales', 'a passphrase 1')).name).toBe('Adam');
    await d.close();
  });

  it('the skeleton is UTS #39 (confusables.txt), ignoring case', () => {
    expect(nameSkeleton('\u0430dmin')).toBe(nameSkeleton('Admin'));
    expect(nameSkeleton('pаypal')).toBe(nameSkeleton('PAYPAL'));
    expect(nameSkeleton('Anna')).not.toBe(nameSkeleton('Anne'));
  });

  it('control and bidirectional-override characters, and lone surrogates: refused', () => {
    expect(userNameProblem('Sam\u001b[2KSales')).toMatch(/control characters/);
    expect(userNameProblem('Sam\u0007')).toMatch(/control characters/);
    expect(userNameProblem('Sam \u202Eselas')).toMatch(/bidirectional/);
    expect(userNameProblem('Sam \u2066x\u2069')).toMatch(/bidirectional/);
    expect(userNameProblem('Sam \uD800')).toMatch(/surrogates/);
    expect(userNameProblem('lоcal')).toMatch(/installation/); // Cyrillic о
  });
});

describe('row 9: guesses are counted before they are checked', () => {
  it('30 parallel wrong passphrases over two connections: only the 3 free tries are checked', async () => {
    const d = await openDesk();
    await addTeam(d);
    const other = await secondConnection(d.path, d.clock);
    const tries = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => (i % 2 ? other : d).people.signIn('Sam Sales', `wrong guess ${i}`)));
    const problems = tries.map((r) => (r.status === 'rejected' ? (r.reason as { problem: string }).problem : 'signed_in'));
    expect(problems.filter((p) => p === 'wrong_passphrase')).toHaveLength(3);
    expect(problems.filter((p) => p === 'throttled')).toHaveLength(27);
    await other.close();
    await d.close();
  });

  it('guesses at the current passphrase (changing one\'s own) are counted too', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    for (let i = 0; i < 3; i++) await expect(d.people.changePassphrase(t.sales, 'Sam Sales', 'new sales pass 9', `guess ${i} here`)).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(d.people.changePassphrase(t.sales, 'Sam Sales', 'new sales pass 9', PASS.sales)).rejects.toMatchObject({ problem: 'throttled' });
    await d.close();
  });

  it('the lockout is per name and source: guessing elsewhere never keeps the user out here, and a wait is at most 5 minutes', async () => {
    const d = await openDesk();
    await addTeam(d);
    for (let i = 0; i < 20; i++) await d.people.signIn('Sam Sales', 'wrong guess!', 'web:127.0.0.1').catch(() => undefined);
    await expect(d.people.signIn('Sam Sales', PASS.sales, 'web:127.0.0.1')).rejects.toMatchObject({ problem: 'throttled' });
    expect((await d.people.signIn('Sam Sales', PASS.sales, 'app')).name).toBe('Sam Sales');
    expect((await d.people.signIn('Sam Sales', PASS.sales, 'cli:sam')).name).toBe('Sam Sales');
    expect(Math.max(...Array.from({ length: 1000 }, (_, i) => throttleSeconds(i)))).toBe(MAX_WAIT_S);
    expect(MAX_WAIT_S).toBe(300);
    d.clock.advanceHours(5 / 60);
    expect((await d.people.signIn('Sam Sales', PASS.sales, 'web:127.0.0.1')).name).toBe('Sam Sales');
    await d.close();
  });
});

describe('row 17: the passphrase hash', () => {
  it('new hashes use N = 2^17 at least', () => {
    expect(DEFAULT_SCRYPT_COST.N).toBeGreaterThanOrEqual(2 ** 17);
  });

  it('trivial passphrases are refused: aaaaaaaaaa, ten spaces, fewer than 4 different characters', () => {
    expect(passphraseProblem('aaaaaaaaaa')).toBe('the passphrase must have at least 4 different characters');
    expect(passphraseProblem(' '.repeat(10))).toMatch(/4 different/);
    expect(passphraseProblem('abcabcabcabc')).toMatch(/4 different/);
    expect(passphraseProblem('abcdabcdab')).toBeNull();
  });

  it('a tampered row asking for N = 2^20 (1 GiB) or more memory is refused before scrypt runs', async () => {
    const h = await hashPassphrase('correct horse battery', FAST);
    expect(await verifyPassphrase('correct horse battery', h.replace('$1024$', `$${2 ** 20}$`))).toBe(false);
    expect(await verifyPassphrase('correct horse battery', h.replace('$1024$8$', '$131072$32$'))).toBe(false);
    const keys = await generateUserKeys('correct horse battery', FAST);
    await expect(decryptPrivateKeyRaw({ ...keys.encryptedPrivateKey, N: 2 ** 20 }, keys.publicKey, 'correct horse battery')).rejects.toThrow(/unknown format/);
    expect(await decryptPrivateKeyRaw(keys.encryptedPrivateKey, keys.publicKey, 'correct horse battery')).toHaveLength(44);
  });
});
