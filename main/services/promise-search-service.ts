/**
 * The Promises list: lapsed holds released first (the list shows them expired), then the store's
 * search, newest first, with how many matched.
 */
import type { PromiseSearch, Store } from '../db/store';
import type { PromiseService } from './promise-service';

export type { FoundPromise, PromiseSearch } from '../db/store';

export async function findPromises(deps: { promises: PromiseService; store: Store }, q: PromiseSearch) {
  await deps.promises.expireHolds();
  return deps.store.searchPromises(q);
}
