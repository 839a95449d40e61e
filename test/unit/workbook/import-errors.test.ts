import { rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { importFromPath } from '../../../main/services/workbook-service';
import { formatIssue, type WorkbookIssue } from '../../../main/workbook/issues';
import { tempDbPath, tempDir } from '../db/temp-db';
import { TODAY, demoFolder, editLine, lineOf, readLines, writeLines } from './workbook-folder';

const dir = tempDir();
let store: SqliteStore;
let before: string;

beforeAll(async () => {
  store = SqliteStore.open(tempDbPath(dir));
  // A database that already holds a plant: a bad import must leave it exactly as it is.
  const ok = await importFromPath(store, await demoFolder(), { asOf: TODAY, actor: { name: 'test', role: 'operations' } });
  expect(ok.ok).toBe(true);
  before = await store.dump();
});
afterAll(() => store.close());

/** Imports `folder`, expects it refused with (at least) these issues, and the database unchanged. */
async function refused(folder: string, ...expected: Partial<WorkbookIssue>[]): Promise<WorkbookIssue[]> {
  const r = await importFromPath(store, folder, { asOf: TODAY, actor: { name: 'test', role: 'operations' } });
  if (r.ok) throw new Error('the import was accepted');
  for (const e of expected) {
    const { reason, ...place } = e;
    const match = r.issues.find((i) => Object.entries(place).every(([k, v]) => i[k as keyof WorkbookIssue] === v) && (reason === undefined || i.reason.includes(reason)));
    expect(match, `no issue like ${JSON.stringify(e)} in:\n${r.issues.map(formatIssue).join('\n')}`).toBeDefined();
  }
  expect(await store.dump()).toBe(before);
  return r.issues;
}

describe('importing a bad workbook reports the place of each problem and changes nothing', () => {
  it('malformed CSV: a quote that is never closed', async () => {
    const d = await demoFolder();
    editLine(d, 'resources.csv', 3, (l) => l.replace('CNC lathe', '"CNC lathe'));
    await refused(d, { file: 'resources.csv', line: 3, reason: 'never closed' });
  });

  it('malformed CSV: a stray quote inside a quoted cell', async () => {
    const d = await demoFolder();
    editLine(d, 'products.csv', 2, (l) => l.replace('Centrifugal pump CP 32', '"Centrifugal "pump" CP 32"'));
    await refused(d, { file: 'products.csv', line: 2, reason: 'doubled' });
  });

  it('wrong types', async () => {
    const d = await demoFolder();
    const line = lineOf(d, 'inventory.csv', 'CP-50');
    editLine(d, 'inventory.csv', line, () => 'CP-50,lots');
    editLine(d, 'calendars.csv', 2, (l) => l.replace(/,16,/, ',16h,'));
    await refused(
      d,
      { file: 'inventory.csv', line, column: 'on_hand', reason: 'must be a whole number, got "lots"' },
      { file: 'calendars.csv', line: 2, column: 'mon', reason: '16h' },
    );
  });

  it('an impossible date', async () => {
    const d = await demoFolder();
    editLine(d, 'receipts.csv', 2, (l) => l.replace(/\d{4}-\d{2}-\d{2}/, '2026-02-30'));
    await refused(d, { file: 'receipts.csv', line: 2, column: 'date', reason: '2026-02-30 is not a real calendar date' });
  });

  it('an unknown column, and a required column that is missing', async () => {
    const d = await demoFolder();
    writeLines(d, 'products.csv', readLines(d, 'products.csv').map((l, i) => `${l},${i === 0 ? 'colour' : 'blue'}`));
    writeLines(d, 'routings.csv', readLines(d, 'routings.csv').map((l) => l.split(',').slice(0, 2).join(',')));
    await refused(
      d,
      { file: 'products.csv', line: 1, column: 'colour', reason: 'unknown column' },
      { file: 'routings.csv', line: 1, column: 'hours_per_unit', reason: 'the required column hours_per_unit is missing' },
    );
  });

  it('a .csv file that is no table, and a required table that is missing', async () => {
    const d = await demoFolder();
    writeFileSync(join(d, 'product.csv'), 'sku\nX\n');
    unlinkSync(join(d, 'lanes.csv'));
    await refused(d, { file: 'product.csv', line: null, reason: 'is no table' }, { file: 'lanes.csv', reason: 'the required table lanes is missing' });
  });

  it('a duplicate key', async () => {
    const d = await demoFolder();
    const lines = readLines(d, 'products.csv');
    lines.push(lines[1]!);
    writeLines(d, 'products.csv', lines);
    await refused(d, { file: 'products.csv', line: lines.length, column: 'sku', reason: 'duplicate key sku CP-32' });
  });

  it('a broken reference', async () => {
    const d = await demoFolder();
    editLine(d, 'routings.csv', 2, (l) => l.replace('CNC-1', 'CNC-9'));
    await refused(d, { file: 'routings.csv', line: 2, column: 'resource_id', reason: 'resource CNC-9 does not exist' });
  });

  it('overlapping calendar exceptions', async () => {
    const d = await demoFolder();
    const lines = readLines(d, 'calendar_exceptions.csv');
    const [cal, from] = lines[1]!.split(',');
    lines.push(`${cal},${from},${from},4,extra shift`);
    writeLines(d, 'calendar_exceptions.csv', lines);
    await refused(d, { file: 'calendar_exceptions.csv', line: lines.length, column: 'date_from', reason: 'duplicate key' });
    // A range that starts inside another one: not the same key, still an overlap.
    const e = await demoFolder();
    const rows = readLines(e, 'calendar_exceptions.csv');
    const i = rows.findIndex((l) => l.includes('Betriebsferien'));
    const [c, start] = rows[i]!.split(',');
    rows.push(`${c},${start!.slice(0, 8)}29,${start!.slice(0, 4)}-12-30,4,inventory count`);
    writeLines(e, 'calendar_exceptions.csv', rows);
    await refused(e, { file: 'calendar_exceptions.csv', line: rows.length, column: 'date_from', reason: `overlaps another exception of ${c}` });
  });

  it('an empty workbook: an empty folder, or only headers', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not a table');
    await refused(empty, { reason: 'The workbook is empty' });
    const d = await demoFolder();
    for (const f of ['calendars', 'calendar_exceptions', 'resources', 'resource_load', 'products', 'routings', 'bom', 'inventory', 'receipts', 'orders', 'lanes', 'policy'])
      writeLines(d, `${f}.csv`, readLines(d, `${f}.csv`).slice(0, 1));
    await refused(d, { reason: 'The workbook is empty' });
  });

  it('a folder or file that does not exist, or is no workbook', async () => {
    await refused(join(dir, 'nowhere'), { reason: 'does not exist' });
    writeFileSync(join(dir, 'plant.txt'), 'x');
    await refused(join(dir, 'plant.txt'), { reason: 'neither a folder of CSV files nor an .xlsx file' });
  });

  it('every problem, not only the first, in reading order', async () => {
    const d = await demoFolder();
    editLine(d, 'inventory.csv', 2, (l) => l.replace(/,\d+$/, ',-1'));
    editLine(d, 'inventory.csv', 4, (l) => l.replace(/,\d+$/, ',2.5'));
    editLine(d, 'lanes.csv', 2, (l) => l.replace('standard', 'slow'));
    editLine(d, 'resources.csv', 2, (l) => l.replace('MACH-2S', 'NO-CAL'));
    const issues = await refused(
      d,
      { file: 'inventory.csv', line: 2, column: 'on_hand' },
      { file: 'inventory.csv', line: 4, column: 'on_hand' },
      { file: 'lanes.csv', line: 2, column: 'mode' },
      { file: 'resources.csv', line: 2, column: 'calendar_id', reason: 'calendar NO-CAL does not exist' },
    );
    expect(issues.map((i) => i.file)).toEqual([...issues.map((i) => i.file)].sort());
    // A bad cell is reported once: the rules do not repeat it as a missing standard lane.
    expect(issues.filter((i) => i.file === 'lanes.csv')).toHaveLength(1);
  });

  it('values past the header, a header column without a name', async () => {
    const d = await demoFolder();
    editLine(d, 'inventory.csv', 3, (l) => `${l},7`);
    const issues = await refused(d, { file: 'inventory.csv', line: 3, reason: 'past the 2 columns of the header' });
    expect(formatIssue(issues[0]!)).toBe('inventory.csv, line 3: has a value in position 3, past the 2 columns of the header');
  });

  it('a file that is not UTF-8', async () => {
    const d = await demoFolder();
    writeFileSync(join(d, 'policy.csv'), Buffer.from([0x6b, 0x65, 0x79, 0x2c, 0x76, 0x61, 0x6c, 0x75, 0x65, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]));
    await refused(d, { file: 'policy.csv', reason: 'not UTF-8' });
  });

  it('a policy value that does not suit its key', async () => {
    const d = await demoFolder();
    const line = lineOf(d, 'policy.csv', 'horizon_days');
    editLine(d, 'policy.csv', line, () => 'horizon_days,forever');
    await refused(d, { file: 'policy.csv', line, column: 'value', reason: 'whole number' });
  });

  it('policy keys named like members of every object are no policy keys', async () => {
    const d = await demoFolder();
    writeLines(d, 'policy.csv', [...readLines(d, 'policy.csv'), '__proto__,1', 'constructor,2', 'toString,3']);
    const n = readLines(d, 'policy.csv').length;
    await refused(
      d,
      { file: 'policy.csv', line: n - 2, column: 'key', reason: 'is no policy key' },
      { file: 'policy.csv', line: n - 1, column: 'key', reason: 'is no policy key' },
      { file: 'policy.csv', line: n, column: 'key', reason: 'is no policy key' },
    );
  });
});

describe('importing tolerates what spreadsheets write', () => {
  it('a byte order mark, CRLF, blank lines, quoted cells over several lines, other files, left-out defaulted columns', async () => {
    const d = join(dir, 'small');
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d);
    const w = (f: string, text: string) => writeFileSync(join(d, f), text);
    w('calendars.csv', '\uFEFFcalendar_id,mon,tue,wed,thu,fri,sat,sun\r\nWD8,8,8,8,8,8,0,0\r\n');
    w('calendar_exceptions.csv', 'calendar_id,date_from,date_to,hours,note\n\nWD8,2026-03-04,2026-03-04,0,"Holiday,\nall day"\nWD8,2026-03-07,2026-03-07,4\n');
    w('resources.csv', 'resource_id,calendar_id,cost_per_hour\nM8,WD8,30.50\n');
    w('products.csv', 'sku,supply,list_price,purchase_cost\nFG,make,100,\nC1,buy,,1.2500\n');
    w('routings.csv', 'sku,resource_id,hours_per_unit\nFG,M8,2\n');
    w('lanes.csv', 'region,mode,transit_days,dispatch_calendar_id,cost_per_unit\nDE,standard,0,WD8,0\n');
    w('README.md', '# not a table');
    const s = SqliteStore.open(tempDbPath(dir));
    const r = await importFromPath(s, d, { asOf: TODAY, actor: { name: 't', role: 'operations' } });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const plant = await s.loadPlant();
    expect(plant?.workbook.calendar_exceptions).toEqual([
      { calendar_id: 'WD8', date_from: '2026-03-04', date_to: '2026-03-04', hours: '0', note: 'Holiday,\nall day' },
      { calendar_id: 'WD8', date_from: '2026-03-07', date_to: '2026-03-07', hours: '4', note: null },
    ]);
    expect(plant?.workbook.resources).toEqual([{ resource_id: 'M8', name: null, calendar_id: 'WD8', cost_per_hour: '30.5', overtime_hours_per_day: null, overtime_cost_per_hour: null }]);
    expect(plant?.workbook.products[1]).toEqual({ sku: 'C1', name: null, unit: null, supply: 'buy', lead_time_days: null, purchase_cost: '1.25', list_price: null, min_margin_pct: null });
    expect(plant?.workbook.policy).toEqual([]);
    await s.close();
  });

  it('counts lines as a spreadsheet does: a blank line and a cell over two lines are one line each', async () => {
    const d = join(dir, 'lines');
    mkdirSync(d);
    writeFileSync(join(d, 'calendars.csv'), 'calendar_id,mon,tue,wed,thu,fri,sat,sun\nWD8,8,8,8,8,8,0,0\n');
    writeFileSync(join(d, 'calendar_exceptions.csv'), 'calendar_id,date_from,date_to,hours,note\nWD8,2026-03-04,2026-03-04,0,"two\nlines"\n\nWD8,2026-03-07,2026-03-07,x,\n');
    const r = await importFromPath(store, d, { asOf: TODAY, actor: { name: 't', role: 'operations' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual({ file: 'calendar_exceptions.csv', line: 4, column: 'hours', reason: 'must be a non-negative number, got "x"' });
    expect(await store.dump()).toBe(before);
  });
});
