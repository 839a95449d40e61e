import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  WrongPassphraseError, decryptPrivateKey, fingerprint, generateRawKeyPair, generateUserKeys, privateKeyFromRaw,
  reencryptPrivateKey, signBytes, verifyBytes,
} from '../../../main/people/keys';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const data = Buffer.from('a promise');

describe('user keys', () => {
  it('fingerprint is the first 16 hex digits of SHA-256 of the raw key (RFC 8032 test 1 key)', () => {
    const pub = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64');
    expect(fingerprint(pub)).toBe('21fe31dfa154a261');
  });

  it('signs with the RFC 8032 test 1 key as the standard says', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex').toString('base64');
    const pub = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64');
    const sig = signBytes(privateKeyFromRaw(seed, pub), Buffer.alloc(0));
    expect(Buffer.from(sig, 'base64').toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('keeps the private key encrypted; only the passphrase opens it', async () => {
    const keys = await generateUserKeys('first passphrase', FAST);
    expect(Buffer.from(keys.publicKey, 'base64')).toHaveLength(32);
    expect(JSON.stringify(keys.encryptedPrivateKey)).not.toContain(keys.publicKey);
    const key = await decryptPrivateKey(keys.encryptedPrivateKey, keys.publicKey, 'first passphrase');
    expect(verifyBytes(keys.publicKey, data, signBytes(key, data))).toBe(true);
    await expect(decryptPrivateKey(keys.encryptedPrivateKey, keys.publicKey, 'wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('binds the ciphertext to its public key', async () => {
    const a = await generateUserKeys('first passphrase', FAST);
    const b = await generateUserKeys('first passphrase', FAST);
    await expect(decryptPrivateKey(a.encryptedPrivateKey, b.publicKey, 'first passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('a changed passphrase re-encrypts the same key', async () => {
    const keys = await generateUserKeys('first passphrase', FAST);
    const old = await decryptPrivateKey(keys.encryptedPrivateKey, keys.publicKey, 'first passphrase');
    const sigBefore = signBytes(old, data);
    const enc = await reencryptPrivateKey(keys.encryptedPrivateKey, keys.publicKey, 'first passphrase', 'second passphrase', FAST);
    await expect(decryptPrivateKey(enc, keys.publicKey, 'first passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const key = await decryptPrivateKey(enc, keys.publicKey, 'second passphrase');
    expect(verifyBytes(keys.publicKey, data, signBytes(key, data))).toBe(true);
    expect(verifyBytes(keys.publicKey, data, sigBefore)).toBe(true);
    await expect(reencryptPrivateKey(keys.encryptedPrivateKey, keys.publicKey, 'not the passphrase', 'x'.repeat(12), FAST)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a private key that does not belong to the public key', () => {
    const a = generateRawKeyPair();
    const b = generateRawKeyPair();
    expect(() => privateKeyFromRaw(a.privateKey, b.publicKey)).toThrow(/does not belong/);
    const k = privateKeyFromRaw(a.privateKey, a.publicKey);
    expect(createPublicKey(createPrivateKey(k.export({ format: 'pem', type: 'pkcs8' })))).toBeTruthy();
  });

  it('rejects malformed signatures and keys without throwing', () => {
    const a = generateRawKeyPair();
    const key = privateKeyFromRaw(a.privateKey, a.publicKey);
    const sig = signBytes(key, data);
    expect(verifyBytes(a.publicKey, data, sig)).toBe(true);
    expect(verifyBytes(a.publicKey, Buffer.from('a promisf'), sig)).toBe(false);
    expect(verifyBytes(a.publicKey, data, sig.slice(0, -4))).toBe(false);
    expect(verifyBytes('AAAA', data, sig)).toBe(false);
  });
});
