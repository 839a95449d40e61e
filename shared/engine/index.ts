/**
 * The promise engine: pure functions over plain data (`promise-check.md`). No I/O, no clock:
 * the as-of date is always passed in.
 *
 *   const model = buildModel(workbook, { asOf, dataVersion, holds });   // once per data version / day
 *   buildModel(workbook, { asOf, dataVersion, packed: packHolds(holds) }); // or every open hold, packed
 *   const v = validateRequest(model, json);                             // field errors, or a request
 *   const { result, holds } = runCheck(model, v.value);                 // never mutates the model
 *   addHolds(model, holds);                                             // when a promise is confirmed
 *   releaseHolds(model, holds);                                         // cancel, fulfil, reject, expire
 */
export type { Hold, PlantModel, PromiseToRevalidate, RevalidationOutcome } from './types';
export { buildModel, addHolds, releaseHolds } from './model';
export { packHolds, HoldPacker, type PackedHolds } from './packed-holds';
export { validateRequest } from './validate';
export { checkAndHold, runCheck } from './check';
export { dispatchDatesOf, revalidatePromises, waitsToBeFulfilled } from './revalidate';
export { capacityPicture, resourceList, type CapacityDay } from './capacity-picture';
export { poolsRead, poolOfHold, type PoolKey } from './pools-read';
