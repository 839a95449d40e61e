/** A promise's state in words (never colour alone), and its at-risk flag. */
import type { PromiseState } from '../../../shared/contract-promises';

export const STATE_LABEL: Record<PromiseState, string> = {
  draft: 'Draft',
  awaiting_approval: 'Awaiting approval',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  fulfilled: 'Fulfilled',
  expired: 'Expired',
};

export function StateBadge({ state }: { state: PromiseState }) {
  return (
    <span className={`state state-${state}`} data-state={state}>
      {STATE_LABEL[state]}
    </span>
  );
}

export function RiskFlag() {
  return (
    <span className="risk-flag" title="After a change of the tables this promise no longer fits as it was made">
      <span aria-hidden="true">⚠ </span>At risk
    </span>
  );
}
