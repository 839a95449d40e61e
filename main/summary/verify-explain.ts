/**
 * Saying what changed when a signature does not match: the data (and which field, when this
 * database holds the original) or the signature itself.
 */
import { signedSummary, type Signature } from './summary-types';

export type VerifyProblem = 'unreadable' | 'altered' | 'signature_invalid' | 'signer_unknown' | 'another_key' | 'unknown_promise';

/** A signature that does not hold: say whether the data or the signature changed, when we can tell. */
export function explainMismatch(summary: unknown, sig: Signature, stored: unknown): [VerifyProblem, string] {
  const bytes = Buffer.from(sig.signature, 'base64');
  if (bytes.length !== 64 || bytes.toString('base64') !== sig.signature) {
    return ['signature_invalid', `signature invalid: ${sig.signer}'s signature is not a 64-byte Ed25519 signature`];
  }
  const original = signedSummary.safeParse(stored);
  if (original.success) {
    const changed = firstDifference(original.data.summary, summary, 'summary');
    if (changed) return ['altered', `altered: ${changed} differs from the summary this database signed`];
    const same = original.data.signatures.find((s) => s.signature === sig.signature);
    if (same) {
      for (const k of ['signer', 'role', 'signed_at'] as const) {
        if (same[k] !== sig[k]) return ['altered', `altered: the signature's ${k} was ${same[k]}, now ${sig[k]}`];
      }
    }
    return ['signature_invalid', `signature invalid: the summary is as signed, but ${sig.signer}'s signature does not match it`];
  }
  return ['altered', `altered: the summary or its signature details changed after ${sig.signer} signed (the signature does not match)`];
}

/** The path of the first value that differs, e.g. `summary.lines[0].qty`, or null when equal. */
export function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path} (length)`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof a === 'object' && a !== null) {
    const ao = a as Record<string, unknown>,
      bo = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
      const d = firstDifference(ao[k], bo[k], `${path}.${k.slice(0, 40)}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : path;
}
