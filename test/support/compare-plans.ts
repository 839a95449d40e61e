/**
 * Compares the engine's plans of one line with the reference solver's: the same plan kinds in the
 * same order, and per plan the same latest dispatch day, quantity by the requested date and
 * earliest delivery. Returns the differences in words (empty when they agree).
 */
import type { Plan } from '../../shared/schemas/check';
import type { ReferencePlan } from './ip-solver';

const FIELDS = ['mode', 'overtime', 'latest_dispatch_date', 'available_by_requested_date', 'earliest_delivery_date'] as const;

export function comparePlans(engine: readonly Plan[], reference: readonly ReferencePlan[]): string[] {
  const out: string[] = [];
  const kinds = (ps: readonly { kind: string }[]) => ps.map((p) => p.kind).join(',');
  if (kinds(engine) !== kinds(reference)) out.push(`plans: engine [${kinds(engine)}], reference [${kinds(reference)}]`);
  for (const ref of reference) {
    const eng = engine.find((p) => p.kind === ref.kind);
    if (!eng) continue;
    for (const f of FIELDS) {
      const a = eng[f] ?? null;
      const b = ref[f] ?? null;
      if (a !== b) out.push(`${ref.kind}.${f}: engine ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`);
    }
  }
  return out;
}
