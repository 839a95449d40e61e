import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { importFromPath } from '../../../main/services/workbook-service';
import { exportWorkbook, workbookToCsv } from '../../../main/workbook/export-workbook';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import { TABLE_NAMES } from '../../../shared/schemas/workbook';
import { tempDbPath, tempDir } from '../db/temp-db';
import { DEMO, TODAY } from './workbook-folder';

const dir = tempDir();
let n = 0;

/** An .xlsx made cell by cell, as a person would type it into a spreadsheet. */
async function handMade(edit?: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const t of TABLE_NAMES) {
    const csv = workbookToCsv(DEMO).get(`${t}.csv`)!.replace(/^\uFEFF/, '');
    const ws = book.addWorksheet(t);
    for (const line of csv.trim().split('\r\n')) {
      // Typed in: numbers become numbers, dates become date cells.
      ws.addRow(
        splitCsv(line).map((cell) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
          if (/^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell)) return Number(cell);
          return cell === '' ? null : cell;
        }),
      );
    }
  }
  edit?.(book);
  const file = join(dir, `hand${++n}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe('.xlsx import', () => {
  it('a typed-in workbook gives the same tables as the CSV folder', async () => {
    const r = await readWorkbook(await handMade());
    expect(r.ok && r.workbook).toEqual(DEMO);
  });

  it('reads formulas by their value, rich text by its text, and 0.1 + 0.2 as 0.3', async () => {
    const file = await handMade((book) => {
      const inv = book.getWorksheet('inventory')!;
      inv.getRow(2).getCell(2).value = { formula: '9+9', result: 18 };
      const res = book.getWorksheet('resources')!;
      res.getRow(2).getCell(2).value = { richText: [{ text: 'CNC ' }, { font: { bold: true }, text: 'machining centre' }] };
      res.getRow(2).getCell(5).value = 0.1 + 0.2;
    });
    const r = await readWorkbook(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.workbook.inventory[0]).toEqual(DEMO.inventory[0]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(r.workbook.resources[0]).toMatchObject({ name: 'CNC machining centre', overtime_hours_per_day: '0.3' });
  });

  it('reports problems with the file, sheet, line and column, and changes nothing', async () => {
    const store = SqliteStore.open(tempDbPath(dir));
    const before = await store.dump();
    const file = await handMade((book) => {
      book.getWorksheet('inventory')!.getRow(3).getCell(2).value = 'lots';
      book.getWorksheet('receipts')!.getRow(2).getCell(2).value = '2026-02-30';
      book.getWorksheet('orders')!.getRow(2).getCell(4).value = { error: '#N/A' };
      book.addWorksheet('Product');
    });
    const r = await importFromPath(store, file, { asOf: TODAY, actor: { name: 't', role: 'operations' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const name = file.split('/').pop()!;
    expect(r.issues).toContainEqual({ file: name, sheet: 'inventory', line: 3, column: 'on_hand', reason: 'must be a whole number, got "lots"' });
    expect(r.issues).toContainEqual({ file: name, sheet: 'receipts', line: 2, column: 'date', reason: '2026-02-30 is not a real calendar date' });
    expect(r.issues).toContainEqual(expect.objectContaining({ file: name, sheet: 'orders', line: 2, column: 'qty', reason: 'the cell holds the error #N/A' }));
    expect(r.issues).toContainEqual(expect.objectContaining({ file: name, sheet: 'Product', line: null, reason: expect.stringContaining('is no table') }));
    expect(await store.dump()).toBe(before);
    await store.close();
  });

  it('a file that is not an .xlsx at all is refused with a sentence', async () => {
    const file = join(dir, 'fake.xlsx');
    writeFileSync(file, 'this is not a zip');
    const r = await readWorkbook(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ file: 'fake.xlsx', line: null, reason: expect.stringContaining('is not a readable .xlsx file') });
  });

  it('an exported .xlsx imports', async () => {
    const file = join(dir, 'exported.xlsx');
    await exportWorkbook(DEMO, file);
    const r = await readWorkbook(file);
    expect(r.ok && r.format).toBe('xlsx');
  });
});
