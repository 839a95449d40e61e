/**
 * Reads a worked example's CSV workbook straight into a `Workbook` through the shared schemas,
 * without the database, so engine tests can run the examples on the pure engine.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyWorkbook, TABLE_NAMES, TABLES, type Workbook } from '../../shared/schemas/workbook';

export const EXAMPLES = join(import.meta.dirname, '../../../shared/examples');

export function readCsvWorkbook(dir: string): Workbook {
  const wb = emptyWorkbook() as Record<string, unknown[]>;
  for (const t of TABLE_NAMES) {
    const file = join(dir, `${t}.csv`);
    if (!existsSync(file)) continue;
    const rows = parse<Record<string, string>>(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true });
    wb[t] = rows.map((r, i) => {
      const out = TABLES[t].schema.safeParse(r);
      if (!out.success) throw new Error(`${t}.csv line ${i + 2}: ${out.error.message}`);
      return out.data;
    });
  }
  return wb as Workbook;
}

export function readExample(name: string) {
  const dir = join(EXAMPLES, name);
  const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const confirms: unknown[] = [];
  for (let i = 1; existsSync(join(dir, `confirm-${i}.json`)); i++) confirms.push(json(`confirm-${i}.json`));
  return { workbook: readCsvWorkbook(join(dir, 'workbook')), request: json('request.json'), expected: json('expected.json'), confirms };
}
