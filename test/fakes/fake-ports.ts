/**
 * The shapes the fakes answer in: a fake plant (check, summary, capacity), and the operations and
 * promise channels answered by name. Test-only: the app's handlers call the desk's services
 * directly; fakeHandlers (fake-context.ts) turns these into a handler map for screen tests.
 */
import type { CapacityAround, Output, ParsedInput, PlantSummary } from '../../shared/contract';
import type { operationsContract } from '../../shared/contract-operations';
import type { promisesContract } from '../../shared/contract-promises';
import type { CheckResult, RequestIssue } from '../../shared/schemas/check';

export type CheckOutcome = { ok: true; result: CheckResult } | { ok: false; issues: RequestIssue[] };

export interface Backend {
  today(): string;
  check(request: unknown, asOf: string): CheckOutcome | Promise<CheckOutcome>;
  summary(asOf: string): PlantSummary | Promise<PlantSummary>;
  capacity(resourceIds: readonly string[], from: string, to: string, asOf: string): CapacityAround | Promise<CapacityAround>;
}

export type OpsChannel = keyof typeof operationsContract;
export type PromiseChannel = keyof typeof promisesContract;

export interface OperationsBackend {
  run<C extends OpsChannel>(channel: C, input: ParsedInput<C>): Promise<Output<C>>;
}

export interface PromisesBackend {
  run<C extends PromiseChannel>(channel: C, input: ParsedInput<C>): Promise<Output<C>>;
}
