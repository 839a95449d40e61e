/** Signers and signed summaries for the summary tests. */
import { generateRawKeyPair, privateKeyFromRaw } from '../../../main/people/keys';
import { buildSummary, type PromiseForSummary } from '../../../main/summary/build-summary';
import { signSummary, type Signer } from '../../../main/summary/sign-summary';
import type { Copy, Role, SignedSummary } from '../../../main/summary/summary-types';
import type { VerifyContext } from '../../../main/summary/verify';
import { sampleResult } from './sample-result';

export function makeSigner(name: string, role: Role): Signer {
  const kp = generateRawKeyPair();
  return { name, role, publicKey: kp.publicKey, privateKey: privateKeyFromRaw(kp.privateKey, kp.publicKey) };
}

export function samplePromise(overrides: Partial<PromiseForSummary> = {}): PromiseForSummary {
  return {
    id: 'P-000042',
    result: sampleResult(),
    confirmedAt: '2026-11-22T09:31:12.345Z',
    approvals: [
      { user: 'Otto Ops', role: 'operations', at: '2026-11-22T09:00:00Z', comment: 'Overtime agreed with the shift lead' },
      { user: 'Maria Keller', role: 'manager', at: '2026-11-22T09:31:12Z', comment: null },
    ],
    ...overrides,
  };
}

export function signedCopy(signer: Signer, copy: Copy, p: PromiseForSummary = samplePromise()): SignedSummary {
  return signSummary(buildSummary(p, copy), signer, '2026-11-22T09:31:12Z');
}

/** A database that knows exactly these signers. */
export function knowing(...signers: Signer[]): VerifyContext {
  return { signerKeys: (name) => signers.filter((s) => s.name === name).map((s) => s.publicKey) };
}
