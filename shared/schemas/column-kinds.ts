/**
 * What kind of cell each column holds: for writing an .xlsx that a spreadsheet shows well (numbers
 * as numbers, dates as dates) and for the grid (numbers right-aligned). Read off the shared schemas by what they accept, so it never drifts.
 */
import type { z } from 'zod';
import { TABLES, type TableName } from './workbook';

export type ColumnKind = 'date' | 'number' | 'text';

function kindOf(schema: z.ZodType): ColumnKind {
  const ok = (v: unknown) => schema.safeParse(v).success;
  if (ok('2026-01-31') && !ok('1') && !ok('x')) return 'date';
  if (ok('1') && !ok('x')) return 'number';
  return 'text';
}

const cache = new Map<TableName, Record<string, ColumnKind>>();

export function columnKinds(table: TableName): Record<string, ColumnKind> {
  let kinds = cache.get(table);
  if (!kinds) {
    const shape = (TABLES[table].schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
    kinds = Object.fromEntries(TABLES[table].columns.map((c) => [c, kindOf(shape[c]!)]));
    cache.set(table, kinds);
  }
  return kinds;
}
