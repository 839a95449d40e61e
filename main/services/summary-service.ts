/**
 * Export and verify of signed summaries. The summary was made and signed when the promise was
 * confirmed; export only writes it out (JSON as stored, or the PDF made from it).
 */
import type { Copy } from '../summary/summary-types';
import { signedSummary } from '../summary/summary-types';
import { renderSummaryPdf } from '../summary/pdf';
import { verifyFile, type Verdict } from '../summary/verify';
import type { PeopleService } from '../people/people-service';
import { refuse, type Refusal } from './promise-outcome';
import type { PromiseService } from './promise-service';

export type ExportFormat = 'pdf' | 'json';
export type Exported = { ok: true; bytes: Buffer; filename: string; mediaType: string };

export async function exportSummary(svc: PromiseService, id: string, copy: Copy, format: ExportFormat, opts: { issuer?: string } = {}): Promise<Exported | Refusal> {
  const p = await svc.get(id);
  if (!p) return refuse('not_found', `There is no promise ${id}.`);
  if (p.status !== 'confirmed' && p.status !== 'fulfilled') return refuse('wrong_state', `${id} is ${p.status}; only confirmed and fulfilled promises have a signed summary.`);
  const row = await svc.people.store.getSummary(id, copy);
  if (!row) return refuse('not_found', `${id} has no signed ${copy} summary (it was confirmed before summaries were signed).`);
  const filename = `${id}-${copy}.${format}`;
  if (format === 'json') return { ok: true, bytes: Buffer.from(row.json, 'utf8'), filename, mediaType: 'application/json' };
  const doc = signedSummary.parse(JSON.parse(row.json));
  return { ok: true, bytes: await renderSummaryPdf(doc, opts), filename, mediaType: 'application/pdf' };
}

/**
 * Verifies a JSON or PDF summary against this database: the signers' keys and roles over time,
 * the summaries it stored, and (with `promises`) the promise's status now.
 */
export function verifySummary(people: PeopleService, bytes: Uint8Array, promises?: Pick<PromiseService, 'get'>): Promise<Verdict> {
  const store = people.store;
  return verifyFile(bytes, {
    signer: (name) => store.signerHistory(name),
    installationKey: async () => (await store.signerKeys('local'))[0]?.publicKey ?? null,
    firstUserAt: () => store.firstUserAt(),
    storedSummary: async (promiseId, copy) => {
      const row = await store.getSummary(promiseId, copy);
      return row ? (JSON.parse(row.json) as unknown) : null;
    },
    promiseStatus: async (id) => (promises ? ((await promises.get(id))?.status ?? null) : null),
    now: people.now,
  });
}
