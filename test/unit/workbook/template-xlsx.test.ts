/**
 * The .xlsx template as a planner opens it: an Instructions sheet first, a note on every header,
 * drop-down lists for fixed values and references, a filter on the header and the header frozen;
 * and it imports as it is (the importer skips the Instructions sheet only).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateWorkbook } from '../../../main/workbook/export-workbook';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import { COLUMN_LISTS, VALIDATED_ROWS, exportTemplate, templateToXlsx } from '../../../main/workbook/template-xlsx';
import { columnNote } from '../../../shared/schemas/column-notes';
import { TABLES, TABLE_NAMES } from '../../../shared/schemas/workbook';

const dir = mkdtempSync(join(tmpdir(), 'pd-template-'));
const file = join(dir, 'template.xlsx');
const book = new ExcelJS.Workbook();
type Validation = { type: string; formulae: string[]; showErrorMessage?: boolean };
const validationAt = (ws: ExcelJS.Worksheet, address: string) => (ws as unknown as { dataValidations: { find(a: string): Validation | undefined } }).dataValidations.find(address);

beforeAll(async () => {
  writeFileSync(file, await templateToXlsx());
  await book.xlsx.readFile(file);
});

describe('the .xlsx template', () => {
  it('opens on an Instructions sheet that names every table', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['Instructions', ...TABLE_NAMES]);
    const help = book.getWorksheet('Instructions')!;
    const text = help.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('This Instructions sheet is skipped when the workbook is imported.');
    for (const t of TABLE_NAMES) expect(text).toContain(t);
  });

  it.each(TABLE_NAMES)('%s: a note on every header, a filter on it and the header frozen', (t) => {
    const ws = book.getWorksheet(t)!;
    const cols = TABLES[t].columns;
    cols.forEach((c, i) => {
      const cell = ws.getCell(1, i + 1);
      expect(cell.value).toBe(c);
      const note = cell.note as unknown as { texts: { text: string }[] } | string;
      const text = typeof note === 'string' ? note : note.texts.map((x) => x.text).join('');
      expect(text).toContain(columnNote(t, c)!.meaning);
      expect(text).toMatch(TABLES[t].defaulted.includes(c) ? /Optional\./ : /Required\./);
    });
    expect(ws.autoFilter).toBe(`A1:${String.fromCharCode(64 + cols.length)}1`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it.each([
    ['products', 'D2', '"make,buy"'],
    ['lanes', 'B3', '"standard,express"'],
    ['policy', 'A2', '"currency,default_min_margin_pct,max_discount_pct,horizon_days,hold_days"'],
    ['resources', 'C2', 'calendars!$A$2:$A$5001'],
    ['lanes', 'D2', 'calendars!$A$2:$A$5001'],
    ['calendar_exceptions', 'A2', 'calendars!$A$2:$A$5001'],
    ['routings', 'B2', 'resources!$A$2:$A$5001'],
    ['resource_load', 'A5001', 'resources!$A$2:$A$5001'],
    ['bom', 'B2', 'products!$A$2:$A$5001'],
  ])('%s: %s offers the list %s', (t, address, formula) => {
    const v = validationAt(book.getWorksheet(t)!, address);
    expect(v).toMatchObject({ type: 'list', formulae: [formula], showErrorMessage: true });
  });

  it('has drop-downs for supply, mode, calendar ids and resource ids, and nowhere on free text or numbers', () => {
    expect(Object.keys(COLUMN_LISTS.products!)).toEqual(['supply']);
    expect(COLUMN_LISTS.resources).toEqual({ calendar_id: { sheet: 'calendars' } });
    const ws = book.getWorksheet('resources')!;
    expect(validationAt(ws, 'B2')).toBeUndefined(); // name: free text
    expect(validationAt(ws, 'D2')).toBeUndefined(); // cost_per_hour
    expect(validationAt(ws, `C${VALIDATED_ROWS + 2}`)).toBeUndefined();
  });

  it('imports as it is: the example rows, and nothing said about the Instructions sheet', async () => {
    const r = await readWorkbook(file);
    expect(r).toMatchObject({ ok: true, workbook: templateWorkbook(), format: 'xlsx' });
  });

  it('is what the command line and the app write for an .xlsx; a folder gets the plain CSVs', async () => {
    const x = join(dir, 'cli', 'template.xlsx');
    expect(await exportTemplate(x)).toEqual({ format: 'xlsx', files: [x] });
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(x);
    expect(again.worksheets[0]!.name).toBe('Instructions');
    const folder = join(dir, 'csv');
    const csv = await exportTemplate(folder);
    expect(csv.format).toBe('csv');
    expect(csv.files).toHaveLength(TABLE_NAMES.length);
  });
});
