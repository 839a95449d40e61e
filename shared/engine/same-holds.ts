/**
 * Whether two lists of holds are the same, in the same order. A replan keeps a promise's own list
 * when its new holds are the same (most promises after a small change), so that the new copies die
 * young instead of living as long as the replan (130,000 holds on the big plant: the collector
 * copied them twice), and a store rewrites only the holds that changed.
 */
import type { Hold } from './types';

export function sameHolds(a: readonly Hold[], b: readonly Hold[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type || x.line !== y.line || x.date !== y.date) return false;
    if (x.type === 'goods' && y.type === 'goods' && (x.sku !== y.sku || x.qty !== y.qty || x.use !== y.use)) return false;
    if (x.type === 'hours' && y.type === 'hours' && (x.resource_id !== y.resource_id || x.regular_e4 !== y.regular_e4 || x.overtime_e4 !== y.overtime_e4)) return false;
  }
  return true;
}
