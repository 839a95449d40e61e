/**
 * The signed summaries a promise gets when it becomes confirmed: both copies, each signed
 * separately by the user whose action confirmed it, at the moment it was confirmed.
 */
import type { SummaryRow } from '../db/people-store';
import type { Actor } from '../people/people-service';
import { buildSummary, type PromiseForSummary } from '../summary/build-summary';
import { signSummary, summaryJson } from '../summary/sign-summary';
import { COPIES } from '../summary/summary-types';

export function signSummaries(actor: Actor, p: PromiseForSummary): SummaryRow[] {
  const signer = { name: actor.name, role: actor.role, privateKey: actor.privateKey, publicKey: actor.publicKey };
  return COPIES.map((copy) => ({ copy, json: summaryJson(signSummary(buildSummary(p, copy), signer, p.confirmedAt)), signedBy: actor.name }));
}
