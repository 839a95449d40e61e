import { describe, expect, it } from 'vitest';
import { hashPassphrase, passphraseProblem, userNameProblem, verifyPassphrase } from '../../../main/people/passphrase';
import { nameKey } from '../../../shared/rules/roles';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('passphrases', () => {
  it('needs at least 10 characters, counted as characters not bytes', () => {
    expect(passphraseProblem('short pass')).toBeNull();
    expect(passphraseProblem('123456789')).toMatch(/at least 10/);
    expect(passphraseProblem('ööööööööö')).toMatch(/at least 10/);
    expect(passphraseProblem(42)).toMatch(/text/);
  });

  it('hashes with scrypt, a fresh salt each time, and verifies', async () => {
    const a = await hashPassphrase('correct horse battery', FAST);
    const b = await hashPassphrase('correct horse battery', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassphrase('correct horse battery', a)).toBe(true);
    expect(await verifyPassphrase('correct horse batterz', a)).toBe(false);
  });

  it('uses N = 2^17 by default (OWASP minimum for scrypt)', async () => {
    const h = await hashPassphrase('correct horse battery');
    expect(h.split('$').slice(1, 4)).toEqual(['131072', '8', '1']);
    expect(await verifyPassphrase('correct horse battery', h)).toBe(true);
  });

  it('never matches a malformed or absurd stored hash', async () => {
    const h = await hashPassphrase('correct horse battery', FAST);
    expect(await verifyPassphrase('correct horse battery', h.replace('scrypt', 'md5'))).toBe(false);
    expect(await verifyPassphrase('correct horse battery', h.replace('$1024$', '$1073741824$'))).toBe(false);
    expect(await verifyPassphrase('correct horse battery', h.replace('$1024$', '$1000$'))).toBe(false);
    expect(await verifyPassphrase('correct horse battery', 'scrypt$1024$8$1$$')).toBe(false);
  });
});

describe('user names', () => {
  it('are 1 to 64 characters without surrounding spaces or control characters', () => {
    expect(userNameProblem('Anna Berg')).toBeNull();
    expect(userNameProblem('x'.repeat(64))).toBeNull();
    expect(userNameProblem('x'.repeat(65))).toMatch(/64/);
    expect(userNameProblem('')).toMatch(/required/);
    expect(userNameProblem(' anna')).toMatch(/space/);
    expect(userNameProblem('an\nna')).toMatch(/control/);
    expect(userNameProblem('Local')).toMatch(/installation/);
  });

  it('are unique ignoring case', () => {
    expect(nameKey('Anna')).toBe(nameKey('aNNA'));
    expect(nameKey('Ölaf')).toBe(nameKey('ölaf'));
    expect(nameKey('O\u0308laf')).toBe(nameKey('Ölaf'));
  });
});
