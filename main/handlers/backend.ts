/**
 * What the handlers need from the rest of the main process: a small port, so the handlers stay
 * free of electron and of the database, and tests can give them a fake plant.
 * `service-backend.ts` implements it over `main/services/check-service.ts`.
 */
import type { CapacityAround, PlantSummary } from '../../shared/contract';
import type { CheckResult, RequestIssue } from '../../shared/schemas/check';
import type { OperationsBackend } from './operations-backend';
import type { PromisesBackend } from './promises-backend';

export type CheckOutcome = { ok: true; result: CheckResult } | { ok: false; issues: RequestIssue[] };

export interface Backend {
  /** Today in the plant (`YYYY-MM-DD`): the as-of date when the caller gives none. */
  today(): string;
  /** Validates `request` (field errors come back as issues) and checks it; holds nothing. */
  check(request: unknown, asOf: string): CheckOutcome | Promise<CheckOutcome>;
  summary(asOf: string): PlantSummary | Promise<PlantSummary>;
  /**
   * Per resource and day from `from` to `to`: calendar, booked load, held and free overtime hours.
   * Unknown resource ids are refused with a `not_found` HandlerError.
   */
  capacity(resourceIds: readonly string[], from: string, to: string, asOf: string): CapacityAround | Promise<CapacityAround>;
}

/** Where the handlers run: the desktop app or the browser preview, and on which database. */
export interface HandlerContext {
  backend: Backend;
  /** The operations workspace (tables, import/export, capacity, history, at risk); absent: unavailable. */
  operations?: OperationsBackend;
  /** People, sign-in, promises, approvals and signed summaries; absent: unavailable. */
  promises?: PromisesBackend;
  app: { name: string; version: string; runtime: 'electron' | 'web' | 'team'; database: string };
}
