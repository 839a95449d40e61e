/**
 * Issue #13 rows 10, 11, 13 and 16: numbers with too many digits, formula-like text in a CSV
 * export, values repeated whole in messages, and sizes that cost minutes and gigabytes.
 */
import { closeSync, mkdirSync, openSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../main/db/sqlite-store';
import { importFromPath } from '../../main/services/workbook-service';
import { exportWorkbook } from '../../main/workbook/export-workbook';
import { readWorkbook } from '../../main/workbook/read-workbook';
import { toE4Big } from '../../shared/units/money';
import { checkRequest } from '../../shared/schemas/check';
import { writePromisePlant } from '../fixtures/promise-plant';
import { tempDbPath, tempDir } from '../unit/db/temp-db';
import { openDesk, TODAY } from '../unit/promises/plant';
import { DEMO } from '../unit/workbook/workbook-folder';

const dir = tempDir('input-bounds-');
let n = 0;
function plantFolder(edit?: (files: { products: string }) => void): string {
  const base = join(dir, `plant${++n}`);
  mkdirSync(base);
  const d = writePromisePlant(base);
  if (edit) {
    const files = { products: readFileSync(join(d, 'products.csv'), 'utf8') };
    edit(files);
    writeFileSync(join(d, 'products.csv'), files.products);
  }
  return d;
}
const importInto = (folder: string) => importFromPath(SqliteStore.open(tempDbPath(dir)), folder, { asOf: TODAY, actor: { name: 'test', role: 'operations' } });
const line = (price: string | number, qty: unknown = 1) => ({ sku: 'FG', qty, requested_date: '2026-03-20', unit_price: price });
const issuesOf = (v: unknown) => {
  const r = checkRequest.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('row 10: bounded digits, exact money', () => {
  it('a 400-digit list price is a row error at import, naming file, line and column', async () => {
    const r = await importInto(plantFolder((f) => (f.products = f.products.replace(',100,15', `,${'9'.repeat(400)},15`))));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ file: 'products.csv', line: 2, column: 'list_price' })]);
    expect(r.issues[0]!.reason).toMatch(/^must have at most 12 digits before the decimal point, got 9{24}… \(400 characters\)$/);
    expect((await importInto(plantFolder((f) => (f.products = f.products.replace(',100,15', `,${'9'.repeat(12)}.9999,15`))))).ok).toBe(true);
  });

  it('a 20-digit unit price is a field error in the request', () => {
    expect(issuesOf({ customer: 'Acme', region: 'DE', lines: [line('12345678901234567890')] })).toEqual([
      { path: 'lines.0.unit_price', message: 'must have at most 12 digits before the decimal point, got 12345678901234567890' },
    ]);
  });

  it('money is exact past 2^53: a 12-digit price with 4 decimals gives the exact revenue', async () => {
    expect(toE4Big('987654321098.7649')).toBe(9876543210987649n);
    const d = await openDesk();
    const c = await d.checks.check({ customer: 'Acme', region: 'DE', lines: [line('987654321098.7649')] }, TODAY);
    if (!c.ok) throw new Error(JSON.stringify(c));
    expect(c.result.lines[0]!.plans.map((p) => p.revenue)).toContain('987654321098.76');
    expect(c.result.lines[0]!.plans.every((p) => p.revenue === '987654321098.76')).toBe(true);
    await d.close();
  });
});

describe('row 11: formula-like text in the CSV export', () => {
  it('=, +, - and @ get an apostrophe on export, removed on import: the round trip keeps the text, numbers stay numbers', async () => {
    const names = ['=HYPERLINK("http://evil.example","Click")', '+cmd|" /C calc"!A0', '@SUM(A1:A9)', '-2+3', "'=already quoted", 'Plain pump'];
    const wb = structuredClone(DEMO);
    names.forEach((name, i) => (wb.products[i]!.name = name));
    wb.products[0]!.min_margin_pct = '-5';
    const out = join(dir, 'export-formulas');
    await exportWorkbook(wb, out);
    const csv = readFileSync(join(out, 'products.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).toContain(`"'+cmd|"" /C calc""!A0"`);
    expect(csv).toContain("'@SUM(A1:A9)");
    expect(csv).toContain("'-2+3");
    expect(csv).toContain("''=already quoted");
    expect(csv).toMatch(/,-5(,|\r\n)/);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const back = await readWorkbook(out);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.workbook.products.slice(0, names.length).map((p) => p.name)).toEqual(names);
    expect(back.workbook.products[0]!.min_margin_pct).toBe('-5');
  });
});

describe('row 13: values in messages are cut to a readable length', () => {
  it('a 20 MB cell is refused with a short message', async () => {
    const r = await importInto(plantFolder((f) => (f.products = f.products.replace(',100,15', `,${'x'.repeat(20 * 1024 * 1024)},15`))));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const i of r.issues) expect(i.reason.length).toBeLessThan(200);
  });

  it('a huge value in a request is not repeated in the field error', () => {
    const [qty] = issuesOf({ customer: 'Acme', region: 'DE', lines: [line('1', '9'.repeat(1_000_000))] });
    expect(qty!.path).toBe('lines.0.qty');
    expect(qty!.message.length).toBeLessThan(200);
    expect(qty!.message).toContain('(1,000,002 characters)');
  });
});

describe('row 16: at most 500 lines a request, bounded workbooks', () => {
  it('501 and 10,000 lines are refused at once with the field named; 500 are fine', () => {
    const lines = (k: number) => Array.from({ length: k }, () => line('10'));
    expect(issuesOf({ customer: 'Acme', region: 'DE', lines: lines(501) })).toEqual([{ path: 'lines', message: 'must have at most 500 lines, got 501' }]);
    expect(issuesOf({ customer: 'Acme', region: 'DE', lines: lines(10_000) })).toEqual([{ path: 'lines', message: 'must have at most 500 lines, got 10000' }]);
    expect(issuesOf({ customer: 'Acme', region: 'DE', lines: lines(500) })).toEqual([]);
  });

  it('a table of more than 250,000 rows is refused with a clear error', async () => {
    const d = plantFolder();
    writeFileSync(join(d, 'resource_load.csv'), `resource_id,date,hours\n${'M1,2026-03-02,1\n'.repeat(250_001)}`);
    const r = await importInto(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ file: 'resource_load.csv', line: null, column: null, reason: 'has 250,001 rows, more than a workbook may have (250,000)' }]);
  });

  it('an .xlsx over 25 MB is refused before it is unzipped', async () => {
    const file = join(dir, 'huge.xlsx');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 26 * 1024 * 1024);
    closeSync(fd);
    const r = await importInto(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ file: 'huge.xlsx', line: null, column: null, reason: 'has 26.0 MB, more than a workbook may have (25.0 MB)' }]);
  });
});
