/**
 * Passphrases and user names (`promises.md`, People and roles). A passphrase is stored only as a
 * slow scrypt hash; the hash string carries its own parameters so that a later, stronger default
 * still verifies hashes made before it.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import unhomoglyph from 'unhomoglyph';

export const PASSPHRASE_MIN_LENGTH = 10;
/** `aaaaaaaaaa` or ten spaces are no passphrase. */
export const PASSPHRASE_MIN_DISTINCT = 4;
export const NAME_MAX_LENGTH = 64;

/**
 * Cost of a new hash: N = 2^17, r = 8 (OWASP's minimum for scrypt) takes 128 MiB and a few hundred
 * milliseconds, once per sign-in.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const HASH_BYTES = 32;
const SALT_BYTES = 16;
/**
 * The most a stored hash or key may ask for: a tampered row must not make us allocate gigabytes
 * or spin for minutes. scrypt takes 128·N·r bytes; 256 MiB is twice the default.
 */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_P = 4;

/** `null` when the passphrase is acceptable, else why not (read aloud to the user). */
export function passphraseProblem(passphrase: unknown): string | null {
  if (typeof passphrase !== 'string') return 'the passphrase must be text';
  const chars = [...passphrase];
  if (chars.length < PASSPHRASE_MIN_LENGTH) return `the passphrase must have at least ${PASSPHRASE_MIN_LENGTH} characters`;
  if (passphrase.length > 1024) return 'the passphrase must have at most 1024 characters';
  if (new Set(chars).size < PASSPHRASE_MIN_DISTINCT) return `the passphrase must have at least ${PASSPHRASE_MIN_DISTINCT} different characters`;
  return null;
}

/** `null` when the user name is acceptable, else why not. */
export function userNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'the user name is required';
  if ([...name].length > NAME_MAX_LENGTH) return `the user name must be at most ${NAME_MAX_LENGTH} characters`;
  if (name.trim() !== name) return 'the user name must not start or end with a space';
  // Control characters would let a name hide itself or forge a line in a listing or a PDF;
  // bidirectional controls would show it in another order than it is stored.
  if (/\p{Cc}/u.test(name)) return 'the user name must not contain control characters';
  if (BIDI_CONTROLS.test(name)) return 'the user name must not contain bidirectional-override characters';
  if (/\p{Cs}/u.test(name)) return 'the user name must not contain unpaired surrogates';
  if (nameSkeleton(name) === nameSkeleton('local')) return '"local" is the name of the installation and cannot be a user';
  return null;
}

/** U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069: marks, embeddings, overrides, isolates. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * The UTS #39 skeleton of a name, ignoring case: two names with the same one look alike
 * (`аdmin` with a Cyrillic а, `admin`, `ADMlN`). unhomoglyph maps with Unicode's confusables.txt;
 * the skeleton is NFD, map, NFD, applied to the lower-cased name and again after lower-casing
 * the result (the table maps some lower-case letters to capitals).
 */
export function nameSkeleton(name: string): string {
  const skeleton = (s: string) => unhomoglyph(s.normalize('NFD')).normalize('NFD');
  return skeleton(skeleton(name.toLowerCase()).toLowerCase());
}

export function scryptAsync(secret: string | Buffer, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(typeof secret === 'string' ? secret.normalize('NFC') : secret, salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` with salt and hash in base64. */
export async function hashPassphrase(passphrase: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(passphrase, salt, HASH_BYTES, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Reads a stored scrypt cost, refusing values that would be absurd or exhaust memory. */
export function parseScryptCost(N: unknown, r: unknown, p: unknown): ScryptCost | null {
  const n = Number(N), rr = Number(r), pp = Number(p);
  if (!Number.isInteger(n) || n < 2 || n > 2 ** 24 || (n & (n - 1)) !== 0) return null;
  if (!Number.isInteger(rr) || rr < 1 || rr > 32 || !Number.isInteger(pp) || pp < 1 || pp > MAX_P) return null;
  if (128 * n * rr > MAX_MEMORY_BYTES) return null;
  return { N: n, r: rr, p: pp };
}

/** Constant-time comparison against a stored hash; a malformed hash never matches. */
export async function verifyPassphrase(passphrase: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const cost = parseScryptCost(parts[1], parts[2], parts[3]);
  if (!cost) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || expected.length !== HASH_BYTES) return false;
  const actual = await scryptAsync(passphrase, salt, HASH_BYTES, cost);
  return timingSafeEqual(actual, expected);
}
