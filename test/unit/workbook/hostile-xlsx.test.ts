/**
 * A crafted .xlsx must be refused or read safely: sheet names, headers and shared strings such as
 * `__proto__` or `constructor` never reach an object as keys, and odd or huge cells are refused
 * with a sentence, never a crash. Nothing may pollute Object.prototype.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import { exportWorkbook } from '../../../main/workbook/export-workbook';
import { tempDir } from '../db/temp-db';
import { DEMO } from './workbook-folder';

const dir = tempDir();

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(typeof ({} as { toString: unknown }).toString).toBe('function');
});

async function crafted(name: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const base = join(dir, `base-${name}.xlsx`);
  await exportWorkbook(DEMO, base);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(base);
  build(book);
  const file = join(dir, `${name}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe('a hostile .xlsx', () => {
  it('sheets named __proto__, constructor, toString are no tables', async () => {
    const file = await crafted('proto-sheets', (book) => {
      for (const n of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const ws = book.addWorksheet(n);
        ws.addRow(['polluted', '__proto__']);
        ws.addRow(['yes', '{"polluted":1}']);
      }
    });
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const n of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(r.issues).toContainEqual(expect.objectContaining({ sheet: n, reason: expect.stringContaining('is no table') }));
  });

  it('header cells named __proto__ or constructor are unknown columns', async () => {
    const file = await crafted('proto-header', (book) => {
      const ws = book.getWorksheet('inventory')!;
      ws.getRow(1).getCell(3).value = '__proto__';
      ws.getRow(1).getCell(4).value = 'constructor';
      ws.getRow(2).getCell(3).value = 'polluted';
      ws.getRow(2).getCell(4).value = 'polluted';
    });
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: 'inventory', line: 1, column: '__proto__', reason: expect.stringContaining('unknown column') }));
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: 'inventory', line: 1, column: 'constructor' }));
  });

  it('__proto__ as a cell value is just text (an identifier), read safely', async () => {
    const file = await crafted('proto-values', (book) => {
      const ws = book.getWorksheet('policy')!;
      ws.addRow(['__proto__', 'polluted']);
      const products = book.getWorksheet('products')!;
      products.getRow(2).getCell(2).value = '__proto__';
    });
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ sheet: 'policy', column: 'key', reason: expect.stringContaining('is no policy key') }));
  });

  it('huge and odd cells are refused with a reason', async () => {
    const file = await crafted('odd-cells', (book) => {
      const products = book.getWorksheet('products')!;
      products.getRow(2).getCell(2).value = 'x'.repeat(100_000);
      products.getRow(3).getCell(7).value = 1e308;
      products.getRow(4).getCell(7).value = Number.MIN_VALUE;
      products.getRow(5).getCell(1).value = 'y'.repeat(65);
      products.getRow(6).getCell(5).value = true;
      products.getRow(7).getCell(1).value = { formula: 'A1' };
    });
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (line: number) => r.issues.filter((i) => i.sheet === 'products' && i.line === line).map((i) => `${i.column}: ${i.reason}`);
    expect(at(2)).toEqual(['name: must be at most 200 characters']);
    expect(at(3).join()).toMatch(/list_price: .*no plain number/);
    expect(at(4).join()).toMatch(/list_price: .*no plain number/);
    expect(at(5)).toEqual(['sku: must be at most 64 characters']);
    expect(at(6).join()).toMatch(/lead_time_days: must be a whole number, got "TRUE"/);
    expect(at(7).join()).toMatch(/formula without a computed value/);
  });
});
