/**
 * Verify a signed summary, JSON or PDF (`promises.md`, Signed summary). The verdict depends only on
 * the parsed JSON (canonicalised), so re-formatting the JSON or re-saving the PDF changes nothing.
 * Each signature must hold, and its key must be the signer's key in this database.
 */
import { fingerprint, verifyBytes } from '../people/keys';
import { canonicalJson } from './canonical-json';
import { EMBEDDED_NAME } from './pdf';
import { readPdf } from './pdf-read';
import { signedBytes, verificationCode } from './sign-summary';
import { signedSummary, type Copy, type Signature, type Summary } from './summary-types';

export type VerifyProblem = 'unreadable' | 'altered' | 'signature_invalid' | 'signer_unknown' | 'another_key';

export type Verdict =
  | { intact: true; message: string; code: string; summary: Summary; signatures: Signature[] }
  | { intact: false; problem: VerifyProblem; message: string; code: string | null };

export interface VerifyContext {
  /**
   * Every public key the signer has had in this database (`local`: the installation key), the
   * current one last; empty or null when the name is unknown here.
   */
  signerKeys: (name: string) => readonly string[] | null | Promise<readonly string[] | null>;
  /** The signed summary this database stored for that promise and copy, if any: tells altered data from a bad signature. */
  storedSummary?: (promiseId: string, copy: Copy) => unknown | Promise<unknown>;
}

const CODE_RE = /[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}/g;

export async function verifyFile(bytes: Uint8Array, ctx: VerifyContext): Promise<Verdict> {
  if (isPdf(bytes)) return verifyPdf(bytes, ctx);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return fail('unreadable', 'unreadable: the file is neither a PDF nor JSON', null);
  }
  return verifySigned(value, ctx);
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

async function verifyPdf(bytes: Uint8Array, ctx: VerifyContext): Promise<Verdict> {
  let contents;
  try {
    contents = await readPdf(bytes, EMBEDDED_NAME);
  } catch (e) {
    return fail('unreadable', `unreadable: the PDF cannot be read (${(e as Error).message})`, null);
  }
  if (contents.attachments.length === 0) return fail('unreadable', `unreadable: the PDF carries no ${EMBEDDED_NAME}`, null);
  const values: unknown[] = [];
  for (const a of contents.attachments) {
    try {
      values.push(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(a.content).replace(/^\uFEFF/, '')));
    } catch {
      return fail('altered', `altered: the embedded ${EMBEDDED_NAME} is not valid JSON`, null);
    }
  }
  if (new Set(values.map((v) => safeCanonical(v))).size > 1) {
    return fail('altered', `altered: the PDF carries ${values.length} different ${EMBEDDED_NAME} files`, null);
  }
  const verdict = await verifySigned(values[0], ctx);
  if (!verdict.intact) return verdict;
  // The pages are not signed, but each shows the code of the summary it was made with: a page
  // showing another code (or none) was put together from something else.
  for (const [i, text] of contents.pageTexts.entries()) {
    const codes = new Set(text.match(CODE_RE) ?? []);
    if (!codes.has(verdict.code) || codes.size > 1) {
      const shown = [...codes].filter((c) => c !== verdict.code)[0] ?? 'no code';
      return fail('altered', `altered: page ${i + 1} shows ${shown}, but the embedded summary's verification code is ${verdict.code}`, verdict.code);
    }
  }
  return verdict;
}

function safeCanonical(v: unknown): string {
  try {
    return canonicalJson(v);
  } catch {
    return `\u0000${Math.random()}`;
  }
}

/** Verifies the parsed JSON form `{summary, signatures}`. */
export async function verifySigned(value: unknown, ctx: VerifyContext): Promise<Verdict> {
  if (typeof value !== 'object' || value === null || !('summary' in value) || !('signatures' in value)) {
    return fail('unreadable', 'unreadable: this is not a signed promise summary (it needs "summary" and "signatures")', null);
  }
  const raw = value;
  let code: string;
  try {
    code = verificationCode(raw.summary);
  } catch (e) {
    return fail('altered', `altered: the summary has no canonical JSON form (${(e as Error).message})`, null);
  }
  const parsed = signedSummary.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail('altered', `altered: ${issue.path.join('.') || 'the file'} ${issue.message}`, code);
  }
  const rawSignatures = raw.signatures as Record<string, unknown>[];
  const stored = ctx.storedSummary ? await ctx.storedSummary(parsed.data.summary.promise_id, parsed.data.summary.copy) : null;
  for (const [i, sig] of parsed.data.signatures.entries()) {
    const who = sig.signer;
    const keys = (await ctx.signerKeys(who)) ?? [];
    if (keys.length === 0) return fail('signer_unknown', `signer unknown here: ${who} is not a user of this database`, code);
    const fileKey = Buffer.from(sig.public_key, 'base64');
    if (fileKey.length !== 32 || fileKey.toString('base64') !== sig.public_key) {
      return fail('signature_invalid', `signature invalid: the public key in ${who}'s signature is not a 32-byte Ed25519 key`, code);
    }
    const known = keys.find((k) => fileKey.equals(Buffer.from(k, 'base64')));
    if (!known) {
      return fail('another_key', `another key: signed with key ${fingerprint(sig.public_key)}, but ${who}'s key here is ${fingerprint(keys[keys.length - 1]!)}`, code);
    }
    // Verify against the key from the database, never the one in the file. The original value
    // of `summary` is used (unknown fields included), not zod's copy of it.
    const rawSig = rawSignatures[i]!;
    if (!verifyBytes(known, signedBytes(raw.summary, rawSig.signer as string, rawSig.role as string, rawSig.signed_at as string), sig.signature)) {
      return fail(...explainMismatch(raw.summary, sig, stored), code);
    }
  }
  const by = parsed.data.signatures.map((s) => `${s.signer} (${s.role}) on ${s.signed_at.slice(0, 10)}`).join('; ');
  return { intact: true, message: `intact: signed by ${by}`, code, summary: parsed.data.summary, signatures: parsed.data.signatures };
}

/** A signature that does not hold: say whether the data or the signature changed, when we can tell. */
function explainMismatch(summary: unknown, sig: Signature, stored: unknown): [VerifyProblem, string] {
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
    const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
      const d = firstDifference(ao[k], bo[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : path;
}

function fail(problem: VerifyProblem, message: string, code: string | null): Verdict {
  return { intact: false, problem, message, code };
}
