/**
 * The damage before saving (issue #15): which open promises a change of the tables would put at
 * risk, and which would stop being at risk, with their reasons. It replans the open promises
 * against the tables after the change exactly as the save or import will (the same engine call
 * on the same promises in the same order), in memory, and compares each flag with today's.
 */
import { revalidatePromises } from '../../shared/engine';
import type { Reason } from '../../shared/schemas/check';
import type { Workbook } from '../../shared/schemas/workbook';
import type { OpenPromise } from '../db/operations-store';
import type { RevalidationOutcome } from '../../shared/engine/types';
import type { OperationsDeps } from './operations-deps';

export interface ImpactPromise {
  id: string;
  customer: string;
  /** Why it would be at risk (becoming), or why it was (stopping). */
  reasons: Reason[];
}

export interface RiskImpact {
  /** Open promises replanned. */
  open: number;
  becomeAtRisk: ImpactPromise[];
  stopAtRisk: ImpactPromise[];
  /** At risk before and after. */
  stayAtRisk: number;
}

/** Compares each promise's flag now with the flag its replanning gives (pure). */
export function compareRisk(open: readonly OpenPromise[], outcomes: readonly RevalidationOutcome[]): RiskImpact {
  const after = new Map(outcomes.map((o) => [o.id, o]));
  const impact: RiskImpact = { open: open.length, becomeAtRisk: [], stopAtRisk: [], stayAtRisk: 0 };
  for (const p of open) {
    const o = after.get(p.id);
    if (!o) throw new Error(`replanning gave no outcome for ${p.id}`);
    if (o.atRisk && !p.atRisk) impact.becomeAtRisk.push({ id: p.id, customer: p.customer, reasons: o.reasons });
    else if (!o.atRisk && p.atRisk) impact.stopAtRisk.push({ id: p.id, customer: p.customer, reasons: p.riskReasons });
    else if (o.atRisk) impact.stayAtRisk++;
  }
  return impact;
}

/**
 * What replanning against `workbook` as of `asOf` would do to the open promises; writes nothing.
 * `keep` is given the promises and their outcomes (a save that follows may use them: replan-memo.ts).
 */
export async function riskImpactOf(
  deps: Pick<OperationsDeps, 'ops'>,
  workbook: Workbook,
  asOf: string,
  keep?: (open: readonly OpenPromise[], outcomes: RevalidationOutcome[]) => void,
): Promise<RiskImpact> {
  const open = await deps.ops.openPromises(asOf);
  if (open.length === 0) return { open: 0, becomeAtRisk: [], stopAtRisk: [], stayAtRisk: 0 };
  const { outcomes } = revalidatePromises(workbook, { asOf, dataVersion: 'preview' }, open);
  keep?.(open, outcomes);
  return compareRisk(open, outcomes);
}

/** "2 promises would become at risk; 1 would no longer be at risk." */
export function sayImpact(i: RiskImpact): string {
  const n = (k: number) => `${k} ${k === 1 ? 'promise' : 'promises'}`;
  if (i.becomeAtRisk.length === 0 && i.stopAtRisk.length === 0) return `No open promise would change its risk (${n(i.open)} replanned${i.stayAtRisk ? `, ${i.stayAtRisk} still at risk` : ''}).`;
  const parts: string[] = [];
  if (i.becomeAtRisk.length) parts.push(`${n(i.becomeAtRisk.length)} would become at risk`);
  if (i.stopAtRisk.length) parts.push(`${n(i.stopAtRisk.length)} would no longer be at risk`);
  return `${parts.join('; ')}.`;
}
