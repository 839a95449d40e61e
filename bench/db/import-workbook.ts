/**
 * Figures for `npm run bench` (bench/ calls these; tests never time things): how long importing a
 * large workbook takes (read and validate, then store in one transaction), and how long opening a
 * database takes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays } from '../../shared/units/days';
import type { Workbook } from '../../shared/schemas/workbook';
import { SqliteStore } from '../../main/db/sqlite-store';
import { demoWorkbook } from '../../main/demo/demo-workbook';
import { revalidator } from '../../main/services/revalidator';
import { exportWorkbook, type WorkbookFormat } from '../../main/workbook/export-workbook';
import { readWorkbook } from '../../main/workbook/read-workbook';

export const rowCount = (wb: Workbook) => Object.values(wb).reduce((n, rows) => n + rows.length, 0);

/** The demo plant grown to `rows` rows with a year of receipts, orders and booked load (valid as a whole). */
export function largeWorkbook(rows = 100_000, today = '2026-03-02'): Workbook {
  const wb = demoWorkbook(today);
  const made = wb.products.filter((p) => p.supply === 'make').map((p) => p.sku);
  const all = wb.products.map((p) => p.sku);
  const resources = wb.resources.map((r) => r.resource_id);
  for (let i = 0; rowCount(wb) < rows; i++) {
    const date = addDays(today, i % 365);
    switch (i % 3) {
      case 0:
        wb.receipts.push({ sku: all[i % all.length]!, date, qty: 1 + (i % 50) });
        break;
      case 1:
        wb.orders.push({ order_id: `BIG-${i}`, sku: made[i % made.length]!, dispatch_date: date, qty: 1 + (i % 3) });
        break;
      default:
        wb.resource_load.push({ resource_id: resources[i % resources.length]!, date, hours: String((i % 8) + 0.25) });
    }
  }
  return wb;
}

export interface ImportTiming {
  format: WorkbookFormat;
  rows: number;
  /** Reading the files, every cell through its schema, and the workbook rules. */
  readMs: number;
  /** Replacing the tables and recording the import, in one transaction. */
  storeMs: number;
  totalMs: number;
}

/** Writes `workbook` (not timed) and times importing it into a new database in `dir`. */
export async function timeImport(dir: string, opts: { format?: WorkbookFormat; workbook?: Workbook } = {}): Promise<ImportTiming> {
  const format = opts.format ?? 'csv';
  const wb = opts.workbook ?? largeWorkbook();
  mkdirSync(dir, { recursive: true });
  const source = join(dir, format === 'csv' ? 'workbook' : 'workbook.xlsx');
  await exportWorkbook(wb, source);
  const store = SqliteStore.open(join(dir, `import-${format}.db`));
  try {
    const t0 = performance.now();
    const read = await readWorkbook(source);
    if (!read.ok) throw new Error(`the benchmark workbook is not valid: ${read.issues[0]?.reason}`);
    const t1 = performance.now();
    await store.importWorkbook(read.workbook, { source: read.source, sha256: read.sha256, user: 'bench' }, revalidator('2026-03-02'));
    const t2 = performance.now();
    return { format, rows: read.rowCount, readMs: t1 - t0, storeMs: t2 - t1, totalMs: t2 - t0 };
  } finally {
    await store.close();
  }
}

/** Opening (and checking the schema version of) an existing database, and loading its tables. */
export async function timeOpen(file: string): Promise<{ openMs: number; loadPlantMs: number }> {
  const t0 = performance.now();
  const store = SqliteStore.open(file);
  const t1 = performance.now();
  try {
    await store.loadPlant();
    return { openMs: t1 - t0, loadPlantMs: performance.now() - t1 };
  } finally {
    await store.close();
  }
}
