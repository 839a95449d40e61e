import type { Status } from '../../shared/schemas/check';

export const STATUS_LABEL: Record<Status, string> = { ok: 'OK', needs_approval: 'Needs approval', not_feasible: 'Not feasible' };
const ICON: Record<Status, string> = { ok: '✓', needs_approval: '!', not_feasible: '✕' };

/** The status in words (never colour alone), large for the request, small for a line. */
export function StatusBadge({ status, large = false }: { status: Status; large?: boolean }) {
  return (
    <span className={`badge badge-${status}${large ? ' badge-large' : ''}`} data-status={status}>
      <span aria-hidden="true">{ICON[status]} </span>
      {STATUS_LABEL[status]}
    </span>
  );
}
