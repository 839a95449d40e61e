/** Who must approve a check that needs approval, in words (`promises.md`: capacity → operations, commercial → a manager). */
import type { CheckResult, Reason } from '../../../shared/schemas/check';

const CAPACITY = new Set(['needs_overtime', 'needs_express']);
const COMMERCIAL = new Set(['margin_below_floor', 'discount_above_limit']);

export function approvers(reasons: readonly Pick<Reason, 'code'>[]): { operations: boolean; manager: boolean } {
  return { operations: reasons.some((r) => CAPACITY.has(r.code)), manager: reasons.some((r) => COMMERCIAL.has(r.code)) };
}

export function reasonsOf(result: CheckResult): Reason[] {
  return result.lines.flatMap((l) => l.reasons);
}

/** "operations (capacity: overtime)", "a manager (price: margin below the floor)", or both. */
export function approversText(reasons: readonly Pick<Reason, 'code'>[]): string {
  const a = approvers(reasons);
  const capacity = [...new Set(reasons.filter((r) => CAPACITY.has(r.code)).map((r) => (r.code === 'needs_overtime' ? 'overtime' : 'express')))];
  const price = [...new Set(reasons.filter((r) => COMMERCIAL.has(r.code)).map((r) => (r.code === 'margin_below_floor' ? 'margin below the floor' : 'discount above the limit')))];
  const parts = [];
  if (a.operations) parts.push(`operations (capacity: ${capacity.join(', ')})`);
  if (a.manager) parts.push(`a manager (price: ${price.join(', ')})`);
  return parts.length === 2 ? `both ${parts[0]} and ${parts[1]}` : (parts[0] ?? 'operations or a manager');
}
