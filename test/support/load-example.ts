/**
 * Reads a worked example of `../shared/examples` (workbook CSVs, request, expected answer) into
 * the shapes the tests use. The CSVs go through the workbook's own table schemas, so a row here is
 * exactly what an import would give. Test-only: the real importer lives in main/workbook/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { emptyWorkbook, TABLES, type TableName, type Workbook } from '../../shared/schemas/workbook';
import type { CheckRequestInput } from '../../shared/schemas/check';

/** The shared folder sits beside the project (`/work/shared` next to `/work/main`). */
export const EXAMPLES_DIR = new URL('../../../shared/examples/', import.meta.url).pathname;

export interface Example {
  name: string;
  workbook: Workbook;
  request: CheckRequestInput;
  confirms: CheckRequestInput[];
  expected: { as_of: string; exit: number; result?: ExpectedResult };
}

export interface ExpectedPlan {
  kind: string;
  mode: string;
  overtime: boolean;
  latest_dispatch_date: string | null;
  available_by_requested_date: number | null;
  earliest_delivery_date: string | null;
}
export interface ExpectedResult {
  as_of: string;
  status: string;
  lines: { sku: string; qty: number; requested_date: string; status: string; chosen_plan: string | null; plans: ExpectedPlan[] }[];
}

export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** `prefix` is the folder name or its number (`07`). */
export function loadExample(prefix: string): Example {
  const name = exampleNames().find((n) => n === prefix || n.startsWith(`${prefix}-`));
  if (!name) throw new Error(`no example ${prefix} in ${EXAMPLES_DIR}`);
  const dir = join(EXAMPLES_DIR, name);
  const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const confirms: CheckRequestInput[] = [];
  for (let i = 1; existsSync(join(dir, `confirm-${i}.json`)); i++) confirms.push(json(`confirm-${i}.json`));
  return { name, workbook: readWorkbookFolder(join(dir, 'workbook')), request: json('request.json'), confirms, expected: json('expected.json') };
}

export function readWorkbookFolder(dir: string): Workbook {
  const wb = emptyWorkbook();
  for (const table of Object.keys(TABLES) as TableName[]) {
    const file = join(dir, `${table}.csv`);
    if (!existsSync(file)) continue;
    const records = parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
    const rows = records.map((r, i) => {
      const parsed = TABLES[table].schema.safeParse(r);
      if (!parsed.success) throw new Error(`${file} line ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      return parsed.data;
    });
    (wb[table] as unknown[]).push(...rows);
  }
  return wb;
}
