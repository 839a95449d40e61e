/** Who must approve a check that needs approval, in words: the approvals rule (`shared/rules/approvals.ts`) read aloud. */
import type { CheckResult, Reason } from '../../../shared/schemas/check';
import { approvalsNeeded } from '../../../shared/rules/approvals';
import { approverOf } from '../../../shared/rules/reason-groups';

const WORDS: Partial<Record<Reason['code'], string>> = {
  needs_overtime: 'overtime',
  needs_express: 'express',
  margin_below_floor: 'margin below the floor',
  discount_above_limit: 'discount above the limit',
};

export function reasonsOf(result: CheckResult): Reason[] {
  return result.lines.flatMap((l) => l.reasons);
}

/** "operations (capacity: overtime)", "a manager (price: margin below the floor)", or both. */
export function approversText(reasons: readonly Pick<Reason, 'code'>[]): string {
  const words = (role: 'operations' | 'manager') => [...new Set(reasons.filter((r) => approverOf(r.code) === role).map((r) => WORDS[r.code]))].join(', ');
  const parts = approvalsNeeded(reasons.map((r) => r.code)).map((role) => (role === 'operations' ? `operations (capacity: ${words(role)})` : `a manager (price: ${words(role)})`));
  return parts.length === 2 ? `both ${parts[0]} and ${parts[1]}` : (parts[0] ?? 'operations or a manager');
}
