/**
 * The engine side of an import: replans open promises against the new tables as of a date. The
 * store calls it inside its import transaction and stores the outcomes.
 */
import { revalidatePromises } from '../../shared/engine';
import type { Revalidate } from '../db/store';

export function revalidator(asOf: string): Revalidate {
  return (workbook, dataVersion, open) => (open.length === 0 ? [] : revalidatePromises(workbook, { asOf, dataVersion }, open).outcomes);
}
