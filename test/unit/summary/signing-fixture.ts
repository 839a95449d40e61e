/** Signers and signed summaries for the summary tests. */
import { generateRawKeyPair, privateKeyFromRaw } from '../../../main/people/keys';
import { buildSummary, type PromiseForSummary } from '../../../main/summary/build-summary';
import { signSummary, type Signer } from '../../../main/summary/sign-summary';
import type { Copy, SignedSummary } from '../../../main/summary/summary-types';
import type { Role } from '../../../shared/rules/roles';
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

/** The summaries "this database" stored, by promise and copy: every signed copy made here, the last one winning. */
const stored = new Map<string, SignedSummary>();

/** Records `doc` as the summary this database stored for its promise and copy. */
export function store(doc: SignedSummary): SignedSummary {
  stored.set(`${doc.summary.promise_id}/${doc.summary.copy}`, JSON.parse(JSON.stringify(doc)) as SignedSummary);
  return doc;
}

export function signedCopy(signer: Signer, copy: Copy, p: PromiseForSummary = samplePromise()): SignedSummary {
  return store(signSummary(buildSummary(p, copy), signer, '2026-11-22T09:31:12Z'));
}

/** A database that knows exactly these signers (their keys and roles since 2026-01-01) and the stored summaries. */
export function knowing(...signers: Signer[]): VerifyContext {
  const since = '2026-01-01T00:00:00.000Z';
  return {
    signer: (name) => {
      const mine = signers.filter((s) => s.name === name);
      if (mine.length === 0) return null;
      return { keys: mine.map((s) => ({ publicKey: s.publicKey, createdAt: since, retiredAt: null })), states: [{ from: since, role: mine[0]!.role, disabled: false }] };
    },
    installationKey: () => null,
    firstUserAt: () => since,
    storedSummary: (id, copy) => stored.get(`${id}/${copy}`) ?? null,
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
}
