/**
 * What never reaches the log file: passphrases, private keys, signatures, tokens. Pure, so it is
 * table-tested; `logging.ts` runs every logged value through it. Keys (object fields) that name a
 * secret lose their value whatever it is; in text, `name=value` pairs that name one, long base64
 * runs (key material, signatures, file bytes) and PEM blocks are replaced.
 */

export const REDACTED = '[redacted]';

/** Field and variable names whose values are secret (`passphrase`, `PROMISE_PASSPHRASE`, `private_key`, `token`…). */
const SECRET_NAME = /pass(?:phrase|word|wd)?|secret|token|private|credential|signature|seed|salt|api[_-]?key|authorization|cookie/i;

const PEM = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g;
/** `NAME=value`, `name: value`, `"name": "value"` where NAME names a secret; the value up to a space, quote or comma. */
const PAIR = /(\b[\w-]*(?:pass(?:phrase|word|wd)?|secret|token|private[_-]?key|api[_-]?key|signature)[\w-]*"?\s*[=:]\s*"?)([^\s",;&]+)/gi;
/** 40 or more base64 characters… */
const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;
/** …mixing upper and lower case and digits: keys and signatures do, words and paths hardly ever. */
const looksEncoded = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9+]/.test(run);

export function redactText(text: string): string {
  return text
    .replace(PEM, REDACTED)
    .replace(PAIR, `$1${REDACTED}`)
    .replace(BASE64_RUN, (run) => (looksEncoded(run) ? REDACTED : run));
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_NAME.test(k) ? REDACTED : redact(v, depth + 1)]));
}
