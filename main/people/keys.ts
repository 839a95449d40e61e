/**
 * Each user's Ed25519 key pair (`promises.md`). The private key is kept encrypted under a key
 * derived from the passphrase (scrypt, then AES-256-GCM), so no one can sign as a user without it;
 * a changed passphrase re-encrypts the same key, so what the user signed before still verifies.
 * Keys travel as raw bytes in base64: the 32-byte public key, the 32-byte private seed.
 */
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { DEFAULT_SCRYPT_COST, parseScryptCost, scryptAsync, type ScryptCost } from './passphrase';

export interface EncryptedPrivateKey {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  nonce: string;
  /** AES-256-GCM ciphertext of the 32-byte seed, then its 16-byte tag, in base64. */
  ciphertext: string;
}

export interface UserKeys {
  publicKey: string;
  encryptedPrivateKey: EncryptedPrivateKey;
}

/** Thrown when a passphrase does not open a private key (wrong passphrase or altered ciphertext). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('the passphrase is not correct');
    this.name = 'WrongPassphraseError';
  }
}

const b64 = (b: Buffer) => b.toString('base64');
const fromB64url = (s: string) => Buffer.from(s, 'base64url');

/** A new key pair, as raw base64 strings. */
export function generateRawKeyPair(): { publicKey: string; privateKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: b64(fromB64url(jwk.x!)), privateKey: b64(fromB64url(jwk.d!)) };
}

/** A private KeyObject from the raw seed, checked against the public key it belongs to. */
export function privateKeyFromRaw(privateKeyB64: string, publicKeyB64: string): KeyObject {
  const d = Buffer.from(privateKeyB64, 'base64');
  const x = Buffer.from(publicKeyB64, 'base64');
  if (d.length !== 32 || x.length !== 32) throw new Error('an Ed25519 key has 32 bytes');
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: d.toString('base64url'), x: x.toString('base64url') }, format: 'jwk' });
  // JWK import does not check that x belongs to d; a mismatched pair would sign with a key
  // nobody can verify, so derive the public half and compare.
  if (rawPublicKey(createPublicKey(key)) !== publicKeyB64) throw new Error('the private key does not belong to this public key');
  return key;
}

export function publicKeyFromRaw(publicKeyB64: string): KeyObject {
  const x = Buffer.from(publicKeyB64, 'base64');
  if (x.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') }, format: 'jwk' });
}

export function rawPublicKey(key: KeyObject): string {
  return b64(fromB64url(key.export({ format: 'jwk' }).x!));
}

/** First 16 hex digits of SHA-256 of the raw 32-byte public key. */
export function fingerprint(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 16);
}

/** The GCM tag also covers the public key, so a ciphertext cannot be moved to another user's row. */
function aad(publicKeyB64: string): Buffer {
  return Buffer.from(`promise-desk ed25519 ${publicKeyB64}`, 'utf8');
}

export async function encryptPrivateKey(privateKeyB64: string, publicKeyB64: string, passphrase: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<EncryptedPrivateKey> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const kek = await scryptAsync(passphrase, salt, 32, cost);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aad(publicKeyB64));
  const ct = Buffer.concat([cipher.update(Buffer.from(privateKeyB64, 'base64')), cipher.final(), cipher.getAuthTag()]);
  kek.fill(0);
  return { v: 1, kdf: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: b64(salt), nonce: b64(nonce), ciphertext: b64(ct) };
}

/** The raw private seed (base64); throws WrongPassphraseError when the passphrase does not open it. */
export async function decryptPrivateKeyRaw(enc: EncryptedPrivateKey, publicKeyB64: string, passphrase: string): Promise<string> {
  const cost = parseScryptCost(enc.N, enc.r, enc.p);
  if (enc.v !== 1 || enc.kdf !== 'scrypt' || !cost) throw new Error('the stored private key is in an unknown format');
  const salt = Buffer.from(enc.salt, 'base64');
  const nonce = Buffer.from(enc.nonce, 'base64');
  const all = Buffer.from(enc.ciphertext, 'base64');
  if (nonce.length !== 12 || all.length !== 32 + 16) throw new Error('the stored private key is damaged');
  const kek = await scryptAsync(passphrase, salt, 32, cost);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, nonce);
    decipher.setAAD(aad(publicKeyB64));
    decipher.setAuthTag(all.subarray(32));
    return b64(Buffer.concat([decipher.update(all.subarray(0, 32)), decipher.final()]));
  } catch {
    throw new WrongPassphraseError();
  } finally {
    kek.fill(0);
  }
}

export async function decryptPrivateKey(enc: EncryptedPrivateKey, publicKeyB64: string, passphrase: string): Promise<KeyObject> {
  return privateKeyFromRaw(await decryptPrivateKeyRaw(enc, publicKeyB64, passphrase), publicKeyB64);
}

/** A new user's key pair, the private half encrypted under the passphrase. */
export async function generateUserKeys(passphrase: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<UserKeys> {
  const { publicKey, privateKey } = generateRawKeyPair();
  return { publicKey, encryptedPrivateKey: await encryptPrivateKey(privateKey, publicKey, passphrase, cost) };
}

/** The same key under a new passphrase (the old one must open it). */
export async function reencryptPrivateKey(enc: EncryptedPrivateKey, publicKeyB64: string, oldPassphrase: string, newPassphrase: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<EncryptedPrivateKey> {
  const raw = await decryptPrivateKeyRaw(enc, publicKeyB64, oldPassphrase);
  return encryptPrivateKey(raw, publicKeyB64, newPassphrase, cost);
}

export function signBytes(privateKey: KeyObject, data: Uint8Array): string {
  return b64(sign(null, data, privateKey));
}

/** `false` for a malformed key or signature as well as a wrong one. */
export function verifyBytes(publicKeyB64: string, data: Uint8Array, signatureB64: string): boolean {
  try {
    const sig = Buffer.from(signatureB64, 'base64');
    if (sig.length !== 64 || b64(sig) !== signatureB64) return false;
    return verify(null, data, publicKeyFromRaw(publicKeyB64), sig);
  } catch {
    return false;
  }
}
