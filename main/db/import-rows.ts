/** Rows of the `imports` table: every import and every save of edits makes one, naming a data version. */
import { z } from 'zod';
import { TABLE_NAMES, type TableName } from '../../shared/schemas/workbook';
import type { ImportRecord } from './store-types';

export function dataVersionOf(importId: number, sha256: string): string {
  return `v${importId}-${sha256.slice(0, 8)}`;
}

const importRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  source: z.string(),
  sha256: z.string(),
  row_counts_json: z.string(),
  user: z.string(),
});

export function importFromSql(row: unknown): ImportRecord {
  const r = importRowSchema.parse(row);
  const counts = z.record(z.string(), z.number().int()).parse(JSON.parse(r.row_counts_json));
  const rowCounts = Object.fromEntries(TABLE_NAMES.map((t) => [t, counts[t] ?? 0])) as Record<TableName, number>;
  return { id: r.id, at: r.at, source: r.source, sha256: r.sha256, rowCounts, user: r.user, dataVersion: dataVersionOf(r.id, r.sha256) };
}
