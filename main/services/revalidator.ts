/**
 * The engine side of an import: replans open promises against the new tables as of a date. The
 * store calls it inside its import transaction and stores the outcomes.
 */
import { revalidatePromises } from '../../shared/engine';
import type { Revalidate } from '../db/store';

export function revalidator(asOf: string): Revalidate {
  const replan: Revalidate = (workbook, dataVersion, open) => (open.length === 0 ? [] : revalidatePromises(workbook, { asOf, dataVersion }, open).outcomes);
  // The day told to the store too: it then reads only the holds this replan reads.
  return Object.assign(replan, { asOf });
}
