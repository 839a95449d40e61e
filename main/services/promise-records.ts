/** The promise records the services give, as the store keeps them, for the views that show them. */
export type { Approval, FoundPromise, PromiseEvent, PromiseRecord, PromiseStatus, PromiseSummary } from '../db/store';
