import ExcelJS from 'exceljs';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { importFromPath } from '../../../main/services/workbook-service';
import { exportWorkbook, templateWorkbook } from '../../../main/workbook/export-workbook';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import { TABLES, TABLE_NAMES, type Workbook } from '../../../shared/schemas/workbook';
import { tempDbPath, tempDir } from '../db/temp-db';
import { DEMO, TODAY, demoFolder } from './workbook-folder';

const dir = tempDir();

async function read(path: string): Promise<Workbook> {
  const r = await readWorkbook(path);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.workbook;
}

/** Import into a fresh database, export from it, and give back what the database held. */
async function throughDatabase(path: string, target: string): Promise<Workbook> {
  const store = SqliteStore.open(tempDbPath(dir));
  try {
    const r = await importFromPath(store, path, { asOf: TODAY, actor: { name: 't', role: 'operations' } });
    expect(r.ok).toBe(true);
    const plant = (await store.loadPlant())!;
    await exportWorkbook(plant.workbook, target);
    return plant.workbook;
  } finally {
    await store.close();
  }
}

describe('export and import', () => {
  it('the demo keeps what a round trip must keep: defaulted empties and repeated keys', () => {
    expect(DEMO.resources.find((r) => r.resource_id === 'LATHE-1')?.overtime_hours_per_day).toBeNull();
    const keys = DEMO.receipts.map((r) => `${r.sku} ${r.date}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
    const loads = DEMO.resource_load.map((r) => `${r.resource_id} ${r.date}`);
    expect(new Set(loads).size).toBeLessThan(loads.length);
  });

  it('CSV: import → export → import gives identical tables', async () => {
    const first = await demoFolder();
    const out = join(dir, 'csv-out', 'nested');
    const held = await throughDatabase(first, out);
    expect(held).toEqual(DEMO);
    expect(await read(out)).toEqual(DEMO);
    expect(readdirSync(out).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
    // An empty cell stays empty: LATHE-1 has no overtime and its defaults are not written out.
    const resources = readFileSync(join(out, 'resources.csv'), 'utf8');
    expect(resources).toContain('LATHE-1,CNC lathe,MACH-2S,78,,\r\n');
  });

  it('.xlsx: import → export → import gives identical tables, the same as from CSV', async () => {
    const xlsx = join(dir, 'plant.xlsx');
    await exportWorkbook(DEMO, xlsx);
    const out = join(dir, 'again.xlsx');
    const held = await throughDatabase(xlsx, out);
    expect(held).toEqual(DEMO);
    expect(await read(out)).toEqual(await read(await demoFolder()));
  });

  it('writes numbers and dates as such in .xlsx, and identifiers that look like numbers as text', async () => {
    const wb = structuredClone(DEMO);
    wb.products.push({ sku: '00123', name: '1e5', unit: null, supply: 'buy', lead_time_days: 0, purchase_cost: '123456789012.1234', list_price: '0.1', min_margin_pct: '-5' });
    const file = join(dir, 'kinds.xlsx');
    await exportWorkbook(wb, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const products = book.getWorksheet('products')!;
    const last = products.getRow(products.rowCount);
    expect(last.getCell(1).value).toBe('00123');
    expect(last.getCell(2).value).toBe('1e5');
    expect(last.getCell(6).value).toBe('123456789012.1234'); // 16 digits: kept exact as text
    expect(last.getCell(7).value).toBe(0.1);
    expect(book.getWorksheet('receipts')!.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(await read(file)).toEqual(wb);
  });

  it('replaces files of the same name and leaves other files alone', async () => {
    const out = join(dir, 'replace');
    await exportWorkbook(DEMO, out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const smaller = { ...DEMO, orders: DEMO.orders.slice(0, 1) };
    await exportWorkbook(smaller, out);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect((await read(out)).orders).toHaveLength(1);
  });

  it('writes a blank template: every table with its header and its example row (products also the component the examples name)', async () => {
    const out = join(dir, 'template');
    await exportWorkbook(templateWorkbook(), out);
    for (const t of TABLE_NAMES) {
      const lines = readFileSync(join(out, `${t}.csv`), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe(TABLES[t].columns.join(','));
      expect(lines).toHaveLength(t === 'products' ? 3 : 2);
    }
    const xlsx = join(dir, 'template.xlsx');
    await exportWorkbook(templateWorkbook(), xlsx);
    expect(existsSync(xlsx)).toBe(true);
  });
});
