import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSeparator } from '../../../main/workbook/csv-locale';
import { formatIssue } from '../../../main/workbook/issues';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import { germanize } from '../../support/german-csv';
import { demoFolder, editLine, readLines, writeLines } from './workbook-folder';

async function issuesOf(dir: string): Promise<string[]> {
  const r = await readWorkbook(dir);
  if (r.ok) throw new Error('the workbook was accepted');
  return r.issues.map(formatIssue);
}

describe('semicolon CSV with decimal commas (workbook.md)', () => {
  it('the separator is told by the header line, quotes and the byte order mark aside', () => {
    expect(headerSeparator('\uFEFFsku;on_hand\r\nA,B;1')).toBe(';');
    expect(headerSeparator('sku,on_hand\nA;1;2;3')).toBe(',');
    expect(headerSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(headerSeparator('')).toBe(',');
  });

  it('a folder saved by a German Excel reads exactly as the comma-separated one', async () => {
    const comma = await demoFolder();
    const german = await demoFolder();
    germanize(german);
    // The conversion did something: decimals with commas, fields with semicolons.
    const resources = readFileSync(join(german, 'resources.csv'), 'utf8');
    expect(resources.startsWith('\uFEFFresource_id;name;calendar_id;')).toBe(true);
    expect(resources).toMatch(/;\d+,\d+/);
    const a = await readWorkbook(comma);
    const b = await readWorkbook(german);
    if (!a.ok || !b.ok) throw new Error(JSON.stringify(b.ok ? a : b).slice(0, 500));
    expect(b.workbook).toEqual(a.workbook);
    expect(b.workbook.resources.find((r) => r.resource_id === 'ASSY')!.overtime_cost_per_hour).toBe('84.5');
  });

  it('12,5 is 12.5; a semicolon or comma in quoted text stays; the policy currency stays text', async () => {
    const d = await demoFolder();
    germanize(d);
    writeLines(d, 'calendars.csv', ['calendar_id;mon;tue;wed;thu;fri;sat;sun', 'MACH-2S;16;16;16;16;16;0;0', 'ASSY-1S;8;8;8;8;8;0;0', 'TEST-75;12,5;7,5;7,5;7,5;7,5;0;0', 'SHIP;8;8;8;8;8;0;0', 'AIR-TT;0;8;0;8;0;0;0']);
    editLine(d, 'resources.csv', 2, (l) => l.replace('CNC machining centre', '"CNC; 5 axes, new"'));
    const r = await readWorkbook(d);
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    expect(r.workbook.calendars.find((c) => c.calendar_id === 'TEST-75')).toMatchObject({ mon: '12.5', tue: '7.5' });
    expect(r.workbook.resources[0]!.name).toBe('CNC; 5 axes, new');
    expect(r.workbook.policy.find((p) => p.key === 'currency')!.value).toBe('EUR');
  });

  it('a point in a number of a semicolon file is refused (1.000 is a thousand there), with its place', async () => {
    const d = await demoFolder();
    germanize(d);
    editLine(d, 'resources.csv', 2, (l) => l.replace(';95;', ';1.000;'));
    const issues = await issuesOf(d);
    expect(issues).toContain('resources.csv, line 2, column cost_per_hour: in a file separated by semicolons the decimal mark is a comma (write 1,000 for a decimal; write no thousands separator), got 1.000');
  });

  it('one file may be comma-separated while another uses semicolons', async () => {
    const d = await demoFolder();
    germanize(d);
    const comma = await demoFolder();
    writeFileSync(join(d, 'calendars.csv'), readFileSync(join(comma, 'calendars.csv')));
    const r = await readWorkbook(d);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.workbook.calendars.find((c) => c.calendar_id === 'TEST-75')!.mon).toBe('7.5');
  });
});

describe('a header that still fails says its likely cause in one sentence', () => {
  const hintOf = (issues: string[], file: string) => issues.filter((i) => i.startsWith(`${file}, line 1: likely cause:`));

  it('a file separated by tabs', async () => {
    const d = await demoFolder();
    writeLines(d, 'inventory.csv', readLines(d, 'inventory.csv').map((l) => l.replace(/,/g, '\t')));
    const hints = hintOf(await issuesOf(d), 'inventory.csv');
    expect(hints).toEqual(['inventory.csv, line 1: likely cause: The file looks separated by tabs ("Unicode Text"): save it as "CSV UTF-8" (comma- or semicolon-separated).']);
  });

  it('column names typed differently', async () => {
    const d = await demoFolder();
    editLine(d, 'inventory.csv', 1, () => 'SKU,On hand');
    const issues = await issuesOf(d);
    expect(hintOf(issues, 'inventory.csv')).toEqual(['inventory.csv, line 1: likely cause: Column names are written exactly as in the template, in lower case with underscores (sku, on_hand).']);
    // The hint comes first among the file's header problems.
    expect(issues.find((i) => i.startsWith('inventory.csv'))).toContain('likely cause');
  });

  it('a title line above the header', async () => {
    const d = await demoFolder();
    writeLines(d, 'inventory.csv', ['Stock on 2 March', ...readLines(d, 'inventory.csv')]);
    expect(hintOf(await issuesOf(d), 'inventory.csv')).toEqual(['inventory.csv, line 1: likely cause: The header must be on line 1, but it seems to be on line 2: remove the lines above it.']);
  });

  it('the file of another table', async () => {
    const d = await demoFolder();
    writeLines(d, 'inventory.csv', readLines(d, 'receipts.csv'));
    expect(hintOf(await issuesOf(d), 'inventory.csv')).toEqual(['inventory.csv, line 1: likely cause: These are the columns of receipts.csv: is the file named after the wrong table?']);
  });

  it('no header at all', async () => {
    const d = await demoFolder();
    writeLines(d, 'inventory.csv', readLines(d, 'inventory.csv').slice(1));
    expect(hintOf(await issuesOf(d), 'inventory.csv')).toEqual(['inventory.csv, line 1: likely cause: Line 1 holds values, not column names: the header row (sku, on_hand) must come first.']);
  });

  it('no hint when the header reads', async () => {
    const d = await demoFolder();
    editLine(d, 'inventory.csv', 2, (l) => l.replace(/,\d+$/, ',lots'));
    expect((await issuesOf(d)).some((i) => i.includes('likely cause'))).toBe(false);
  });
});
