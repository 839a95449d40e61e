/**
 * The .xlsx reader (main/workbook/xlsx/) against an independent one: exceljs loads the same file
 * as a whole document, and its cell values are turned into text the way the import did before
 * (the oracle below, kept as it was). Random sheets of every kind of cell a person or a formula
 * leaves (text of any sort, integers, any double, dates, booleans, formulas with and without a
 * result, rich text, error values, gaps) must read as the same rows and the same problems.
 * And the fast path for plain numbers gives exactly the text of the slow one.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../main/workbook/read-xlsx';
import { numberCell, PLAIN_NUMBER } from '../../main/workbook/xlsx/xlsx-sheet';
import { numberToDecimalString } from '../../shared/schemas/fields';
import { tempDir } from '../unit/db/temp-db';

const dir = tempDir('promise-desk-xlsx-');
let n = 0;

type Oracle = { value: string | null } | { error: string };

/** How the import read exceljs's cell values until December 2026. */
function oracle(v: unknown, depth = 0): Oracle {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number') {
    const s = numberToDecimalString(Number(v.toPrecision(15)));
    return s === null ? { error: `holds ${String(v)}, which is no plain number` } : { value: s };
  }
  if (typeof v === 'boolean') return { value: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: 'holds a date that is not valid' } : { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object' && depth < 2) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return { value: o.richText.map((r: unknown) => String((r as { text?: unknown })?.text ?? '')).join('') };
    if (Object.hasOwn(o, 'error')) return { error: `holds the error ${String(o.error)}` };
    if (Object.hasOwn(o, 'formula')) return Object.hasOwn(o, 'result') ? oracle(o.result, depth + 1) : { error: 'holds a formula without a computed value (save the file in a spreadsheet first)' };
  }
  return { error: 'holds a value that cannot be read' };
}

type Row = { line: number; cells: (string | null)[]; errors: string[] };
const trimmed = (cells: (string | null | undefined)[]) => {
  const out = Array.from(cells, (c) => c ?? null);
  while (out.length && out.at(-1) === null) out.pop();
  return out;
};

async function readByExcelJs(file: string): Promise<Row[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: Row[] = [];
  book.getWorksheet('orders')!.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: (string | null)[] = [];
    const errors: string[] = [];
    (row.values as unknown[]).slice(1).forEach((v, c) => {
      const r = oracle(v);
      if ('error' in r) errors.push(`${c}: ${r.error}`);
      cells[c] = 'error' in r ? null : r.value;
    });
    rows.push({ line, cells: trimmed(cells), errors });
  });
  return rows;
}

async function readByUs(file: string): Promise<Row[]> {
  const raw = await readXlsx(file);
  const t = raw.tables.find((x) => x.table === 'orders')!;
  const header = t.header ?? [];
  const rows = [...(t.header ? [{ line: 1, cells: header }] : []), ...t.rows].map((r) => ({ line: r.line, cells: trimmed(r.cells as (string | null)[]), errors: [] as string[] }));
  for (const i of raw.issues) {
    const c = i.column === null ? null : header.indexOf(i.column) >= 0 ? header.indexOf(i.column) : Number(/number (\d+)/.exec(i.column)![1]) - 1;
    rows.find((r) => r.line === i.line)!.errors.push(`${c}: ${i.reason.replace(/^the cell /, '')}`);
  }
  // A row that holds only errors still is a row; exceljs keeps it too.
  return rows;
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('__proto__', '  padded ', '0042', '1e5', '=SUM(A1)', 'a;b,c', 'line\nbreak', '<tag>&amp;', '\u0000\u0001', '日本語', '😀'),
);
const cell = fc.oneof(
  { arbitrary: text, weight: 3 },
  { arbitrary: fc.integer({ min: -1e9, max: 1e9 }), weight: 3 },
  { arbitrary: fc.double({ noNaN: true }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 3_000_000 }).map((d) => new Date(Date.UTC(1970, 0, 1) + (d - 1_000_000) * 86_400_000)), weight: 2 },
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((result) => ({ formula: 'A1*2', result })),
  // Without `&` and not empty, where exceljs is wrong: it decodes a formula's text result twice
  // (`&amp;amp;` reads as `&`), and takes an empty result (`=IF(…;"";…)`) for none at all. The
  // reader's unit tests hold both against the file's XML.
  // (Control characters cannot be written in XML: exceljs leaves them out.)
  text.filter((t) => t.replace(/[\u0000-\u001f]/g, '') !== '' && !t.includes('&')).map((result) => ({ formula: 'CONCAT(A1)', result })),
  fc.constant({ formula: 'B1' }),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })) })),
  fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map((error) => ({ error })),
);
// Rows with gaps: exceljs writes only the cells that are set.
const sheet = fc.array(fc.array(cell, { maxLength: 7 }), { minLength: 1, maxLength: 12 });

describe('the .xlsx reader against exceljs', () => {
  it('reads every kind of cell as the whole-document reader does', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (rows) => {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('orders');
        ws.addRow(['sku', 'qty', 'date']); // a header, so the sheet is a table
        rows.forEach((cells, r) => cells.forEach((v, c) => v !== null && (ws.getCell(r + 2, c + 1).value = v as ExcelJS.CellValue)));
        const file = join(dir, `cross${++n}.xlsx`);
        await book.xlsx.writeFile(file);
        expect(await readByUs(file)).toEqual(await readByExcelJs(file));
      }),
      { seed: 20261205, numRuns: 150 },
    );
  });

  it('the fast path for plain numbers gives the slow path’s text', () => {
    const written = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer({ min: -1e15, max: 1e15 }).map(String),
      fc.tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 })).map(([i, f]) => `${i}.${String(f).padStart(6, '0')}`),
      fc.stringMatching(/^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/),
    );
    fc.assert(
      fc.property(written, (v) => {
        if (PLAIN_NUMBER.test(v) && v !== '-0') expect({ value: v }).toEqual(numberCell(v));
      }),
      { seed: 20261206, numRuns: 20_000 },
    );
    // It is taken often: most numbers a spreadsheet writes are plain.
    expect(['12', '-3.25', '0.000001', '999999999999999', '0.5'].every((v) => PLAIN_NUMBER.test(v))).toBe(true);
    expect(['1e21', '007', '1.50', '-0', '0.0000001', '1234567890123456'].some((v) => PLAIN_NUMBER.test(v) && v !== '-0')).toBe(false);
  });
});
