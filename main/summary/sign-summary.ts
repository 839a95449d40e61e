/**
 * Signing a summary and its verification code (`promises.md`). The signature covers the canonical
 * JSON of `{summary, signer, role, signed_at}`, so the signer's name, role and time cannot be
 * swapped without breaking it.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { signBytes } from '../people/keys';
import { base32 } from './base32';
import { isoUtc } from './build-summary';
import { canonicalBytes } from './canonical-json';
import type { Role } from '../../shared/rules/roles';
import type { Signature, SignedSummary, Summary } from './summary-types';

export interface Signer {
  name: string;
  role: Role;
  privateKey: KeyObject;
  /** Raw 32-byte public key in base64: what verify compares with the database. */
  publicKey: string;
}

/** The exact bytes a signature covers. Takes the summary as read (unknown fields included). */
export function signedBytes(summary: unknown, signer: string, role: string, signedAt: string): Buffer {
  return canonicalBytes({ summary, signer, role, signed_at: signedAt });
}

export function signSummary(summary: Summary, signer: Signer, signedAt: string | Date): SignedSummary {
  return { summary, signatures: [makeSignature(summary, signer, signedAt)] };
}

function makeSignature(summary: Summary, signer: Signer, signedAt: string | Date): Signature {
  const at = isoUtc(signedAt);
  return {
    signer: signer.name,
    role: signer.role,
    signed_at: at,
    public_key: signer.publicKey,
    signature: signBytes(signer.privateKey, signedBytes(summary, signer.name, signer.role, at)),
  };
}

/** First 12 characters of base32(SHA-256(canonical summary)), as `XXXX-XXXX-XXXX`. */
export function verificationCode(summary: unknown): string {
  const b = base32(createHash('sha256').update(canonicalBytes(summary)).digest()).slice(0, 12);
  return `${b.slice(0, 4)}-${b.slice(4, 8)}-${b.slice(8, 12)}`;
}

/** The file form, readable by people too. */
export function summaryJson(doc: SignedSummary): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
