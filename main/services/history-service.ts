/**
 * The history screen's page: entries matching a filter (newest first), every user who changed
 * something, and the latest changes (of one user when filtered by user).
 */
import type { HistoryFilter } from '../db/operations-store';
import type { OperationsDeps } from './operations-deps';

export async function historyPage(deps: Pick<OperationsDeps, 'ops'>, filter: HistoryFilter) {
  return {
    entries: await deps.ops.listHistory(filter),
    users: await deps.ops.historyUsers(),
    changes: await deps.ops.listChanges({ limit: 50, ...(filter.user ? { user: filter.user } : {}) }),
  };
}
