/**
 * Verify a signed summary, JSON or PDF (`promises.md`, Signed summary). The verdict depends on the
 * parsed JSON (canonicalised), so re-formatting the JSON or re-saving the PDF changes nothing.
 * A signature holds only with the signer's key in this database, valid when it was made, the role
 * the signer had then, a time not in the future, and a summary equal to the one this database
 * stored for that promise and copy; the first rule that fails is named.
 */
import type { SignerHistory } from '../db/people-store';
import { fingerprint, verifyBytes } from '../people/keys';
import { canonicalJson } from './canonical-json';
import { pageTextProblem } from './page-text';
import { EMBEDDED_NAME } from './pdf';
import { fileTooLarge, MAX_EMBEDDED_BYTES, MAX_PAGES, pdfStreamProblem } from './pdf-bounds';
import { readPdf } from './pdf-read';
import { signedBytes, verificationCode } from './sign-summary';
import { parseStrictJson } from './strict-json';
import { signedSummary, type Copy, type SignedSummary, type Signature, type Summary } from './summary-types';
import { explainMismatch, firstDifference, type VerifyProblem } from './verify-explain';

export { firstDifference };
export type { VerifyProblem };


export type Verdict =
  | { intact: true; message: string; code: string; summary: Summary; signatures: Signature[]; status: string | null }
  | { intact: false; problem: VerifyProblem; message: string; code: string | null };

type Maybe<T> = T | Promise<T>;

export interface VerifyContext {
  /** The signer's keys and roles over time; null when the name is no user here. */
  signer: (name: string) => Maybe<SignerHistory | null>;
  /** The installation's public key (signer `local`), null if it never made one. */
  installationKey: () => Maybe<string | null>;
  /** When the first user was added: `local` signs nothing after it. */
  firstUserAt: () => Maybe<string | null>;
  /** The signed summary this database stored for that promise and copy (the whole JSON form), if any. */
  storedSummary: (promiseId: string, copy: Copy) => Maybe<unknown>;
  /** The promise's status now, for the verdict. */
  promiseStatus?: (promiseId: string) => Maybe<string | null>;
  now: () => Date;
}

/** Clock difference allowed between the signing desk and this one. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** `signed_at` has whole seconds: the signature was made at some moment of that second. */
const SECOND_MS = 1000;

export async function verifyFile(bytes: Uint8Array, ctx: VerifyContext): Promise<Verdict> {
  const big = fileTooLarge(bytes.length);
  if (big) return fail('unreadable', big, null);
  if (isPdf(bytes)) return verifyPdf(bytes, ctx);
  const json = decodeJson(bytes);
  if (!json.ok) return fail('unreadable', `unreadable: the file is neither a PDF nor a summary's JSON (${json.message})`, null);
  return verifySigned(json.value, ctx);
}

/** The PDF marker counts only at the very start of the file (a JSON summary may contain `%PDF-`). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

function decodeJson(bytes: Uint8Array) {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false as const, message: 'not UTF-8 text' };
  }
  return parseStrictJson(text);
}

async function verifyPdf(bytes: Uint8Array, ctx: VerifyContext): Promise<Verdict> {
  const bounds = pdfStreamProblem(bytes);
  if (bounds) return fail('unreadable', bounds, null);
  let contents;
  try {
    contents = await readPdf(bytes, EMBEDDED_NAME);
  } catch (e) {
    return fail('unreadable', `unreadable: the PDF cannot be read (${cut((e as Error).message)})`, null);
  }
  if (contents.pageCount > MAX_PAGES) return fail('unreadable', `not a summary: the PDF has ${contents.pageCount} pages, more than ${MAX_PAGES}`, null);
  if (contents.attachments.length === 0) return fail('unreadable', `unreadable: the PDF carries no ${EMBEDDED_NAME}`, null);
  if (contents.attachments.length > 1 || contents.embeddedCount > 1) {
    return fail('altered', `altered: the PDF carries ${contents.embeddedCount} embedded files; a summary carries exactly one, ${EMBEDDED_NAME}`, null);
  }
  const content = contents.attachments[0]!.content;
  if (content.length > MAX_EMBEDDED_BYTES) return fail('unreadable', `not a summary: the embedded ${EMBEDDED_NAME} has more than 5 MB`, null);
  const json = decodeJson(content);
  if (!json.ok) return fail('altered', `altered: the embedded ${EMBEDDED_NAME} is not a summary's JSON (${json.message})`, null);
  const verdict = await verifySigned(json.value, ctx);
  if (!verdict.intact) return verdict;
  const differs = await pageTextProblem(contents, { summary: verdict.summary, signatures: verdict.signatures });
  if (differs) return fail('altered', `altered: ${differs}`, verdict.code);
  return verdict;
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
    const where = issue.path.join('.') || 'the file';
    const what = issue.code === 'unrecognized_keys' ? `has a field the format does not define (${issue.keys.map((k) => cut(k, 40)).join(', ')})` : cut(issue.message);
    return fail('altered', `altered: ${where} ${what}`, code);
  }
  const doc = parsed.data;
  const seen = new Set<string>();
  for (const sig of doc.signatures) {
    if (seen.has(sig.signature) || seen.has(`signer:${sig.signer}`)) return fail('altered', `altered: ${sig.signer}'s signature appears twice`, code);
    seen.add(sig.signature).add(`signer:${sig.signer}`);
  }
  const stored = await ctx.storedSummary(doc.summary.promise_id, doc.summary.copy);
  for (const sig of doc.signatures) {
    const problem = await signatureProblem(raw.summary, sig, stored, ctx);
    if (problem) return fail(problem[0], problem[1], code);
  }
  const same = sameAsStored(doc, stored);
  if (same) return fail(same[0], same[1], code);
  const status = (await ctx.promiseStatus?.(doc.summary.promise_id)) ?? null;
  const by = doc.signatures.map((s) => `${s.signer} (${s.role}) on ${s.signed_at.slice(0, 10)}`).join('; ');
  const now = status ? `; promise ${doc.summary.promise_id} is now ${status.replace('_', ' ')}` : '';
  return { intact: true, message: `intact: signed by ${by}${now}`, code, summary: doc.summary, signatures: doc.signatures, status };
}

type Problem = [VerifyProblem, string];

async function signatureProblem(summary: unknown, sig: Signature, stored: unknown, ctx: VerifyContext): Promise<Problem | null> {
  const who = sig.signer;
  const local = who === 'local';
  const history = local ? null : await ctx.signer(who);
  const installation = local ? await ctx.installationKey() : null;
  const keys = local ? (installation ? [{ publicKey: installation, createdAt: '0000-01-01T00:00:00Z', retiredAt: null }] : []) : (history?.keys ?? []);
  if (keys.length === 0) return ['signer_unknown', `signer unknown here: ${who} is not a user of this database`];
  const fileKey = Buffer.from(sig.public_key, 'base64');
  if (fileKey.length !== 32 || fileKey.toString('base64') !== sig.public_key) {
    return ['signature_invalid', `signature invalid: the public key in ${who}'s signature is not a 32-byte Ed25519 key`];
  }
  const known = keys.find((k) => fileKey.equals(Buffer.from(k.publicKey, 'base64')));
  if (!known) return ['another_key', `another key: signed with key ${fingerprint(sig.public_key)}, but ${who}'s key here is ${fingerprint(keys[keys.length - 1]!.publicKey)}`];
  // Against the key from the database, never the one in the file; over the summary as read.
  if (!verifyBytes(known.publicKey, signedBytes(summary, sig.signer, sig.role, sig.signed_at), sig.signature)) return explainMismatch(summary, sig, stored);

  const at = Date.parse(sig.signed_at);
  if (at > ctx.now().getTime() + CLOCK_SKEW_MS) return ['signature_invalid', `signature invalid: ${who}'s signature is dated ${sig.signed_at}, in the future`];
  if (local) {
    const first = await ctx.firstUserAt();
    if (sig.role !== 'admin') return ['signature_invalid', `signature invalid: local signs as admin, not ${sig.role}`];
    if (first !== null && at > Date.parse(first)) return ['signature_invalid', `signature invalid: the installation key (local) signed on ${sig.signed_at}, after the first user was added (${first}); from then on users sign`];
    return null;
  }
  if (!during(at, known.createdAt, known.retiredAt)) {
    return ['signature_invalid', `signature invalid: key ${fingerprint(known.publicKey)} was not ${who}'s key on ${sig.signed_at} (in use ${known.createdAt} to ${known.retiredAt ?? 'now'})`];
  }
  const states = history!.states;
  const then = states.filter((s, i) => during(at, s.from, states[i + 1]?.from ?? null));
  if (then.length === 0) return ['signature_invalid', `signature invalid: ${who} was no user here on ${sig.signed_at}`];
  if (!then.some((s) => s.role === sig.role)) return ['signature_invalid', `signature invalid: ${who} was ${then.map((s) => s.role).join(' or ')} on ${sig.signed_at}, not ${sig.role}`];
  if (then.every((s) => s.disabled)) return ['signature_invalid', `signature invalid: ${who} was disabled on ${sig.signed_at}`];
  return null;
}

/**
 * Whether a moment within the second `at` (signed_at has whole seconds) falls in [from, until];
 * a change at the very moment of signing is taken to come after it.
 */
function during(at: number, from: string, until: string | null): boolean {
  return Date.parse(from) < at + SECOND_MS && (until === null || Date.parse(until) >= at);
}

/** The summary (and each signature) must be what this database stored for that promise and copy. */
function sameAsStored(doc: SignedSummary, stored: unknown): Problem | null {
  const id = doc.summary.promise_id;
  if (stored === null || stored === undefined) return ['unknown_promise', `unknown promise here: this database has no signed ${doc.summary.copy} summary of ${cut(id, 40)}`];
  const original = signedSummary.safeParse(stored);
  if (!original.success) return ['altered', `altered: this database's summary of ${id} cannot be read`];
  if (canonicalJson(original.data.summary) !== canonicalJson(doc.summary)) {
    return ['altered', `altered: ${firstDifference(original.data.summary, doc.summary, 'summary') ?? 'the summary'} differs from the summary this database stored for ${id}`];
  }
  for (const sig of doc.signatures) {
    if (!original.data.signatures.some((s) => s.signature === sig.signature && s.signer === sig.signer)) {
      return ['signature_invalid', `signature invalid: ${sig.signer}'s signature is not the one this database stored for ${id}`];
    }
  }
  return null;
}

function cut(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function fail(problem: VerifyProblem, message: string, code: string | null): Verdict {
  return { intact: false, problem, message, code };
}
