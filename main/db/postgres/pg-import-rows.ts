/** `imports` rows in PostgreSQL, read back through zod (the record of each import and edit). */
import { z } from 'zod';
import { TABLE_NAMES, type TableName } from '../../../shared/schemas/workbook';
import { dataVersionOf } from '../sqlite-store';
import type { ImportRecord } from '../store-types';

const importRowSchema = z.object({ id: z.number().int(), at: z.string(), source: z.string(), sha256: z.string(), row_counts: z.record(z.string(), z.number().int()), user: z.string() });

export function importFromPg(row: unknown): ImportRecord {
  const r = importRowSchema.parse(row);
  const rowCounts = Object.fromEntries(TABLE_NAMES.map((t) => [t, r.row_counts[t] ?? 0])) as Record<TableName, number>;
  return { id: r.id, at: r.at, source: r.source, sha256: r.sha256, rowCounts, user: r.user, dataVersion: dataVersionOf(r.id, r.sha256) };
}
export const IMPORT_COLUMNS = 'id, at, source, sha256, row_counts, actor AS "user"';

