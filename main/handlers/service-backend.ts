/**
 * The Backend port over the check service (main/services/check-service.ts): opens the store,
 * builds the engine model, checks. Filled in once the service lands.
 */
import type { Backend } from './backend';
import { HandlerError } from './errors';

// TODO(service): wire to main/services/check-service.ts when it lands.
export interface BackendOptions {
  /** A fixed "today" (the browser preview's --as-of), for demos and tests. */
  asOf?: string;
}

export async function openServiceBackend(_dbPath: string, opts: BackendOptions = {}): Promise<Backend> {
  const unavailable = (): never => {
    throw new HandlerError('unavailable', 'The plant data service is not available yet.');
  };
  return { today: () => opts.asOf ?? new Date().toISOString().slice(0, 10), check: unavailable, summary: unavailable, capacity: unavailable };
}
