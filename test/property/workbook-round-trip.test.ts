/**
 * Import → edit → export → import gives identical tables (`workbook.md`, Export), in both formats:
 * any sequence of valid edits, each saved through the table-edit service (so the store's write
 * paths are the ones tested), is exported as a CSV folder and as an .xlsx, and each export is read
 * back and imported into a fresh database; all three hold the same tables. Edits the rules refuse
 * are skipped (they never reach the tables). After each save, the tables the desk keeps in memory
 * are the ones read back from the database. Deterministic seed.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../main/access/authorize';
import { saveTableEdits } from '../../main/services/table-edit-service';
import { exportWorkbook } from '../../main/workbook/export-workbook';
import { readWorkbook } from '../../main/workbook/read-workbook';
import { applyEdits, type TableEdits } from '../../shared/edits/apply-edits';
import { rowToCells } from '../../shared/edits/cells';
import { TABLES, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { openHarness } from '../support/operations-harness';
import { AS_OF, plant } from '../support/plant';

const dir = mkdtempSync(join(tmpdir(), 'promise-desk-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shared small plant with every optional table filled, so each table takes part. */
const BASE = plant({
  calendar_exceptions: 'calendar_id,date_from,date_to,hours,note\nWD8,2026-03-05,2026-03-05,0,"Holiday, plant-wide"\nMWF,2026-04-01,2026-04-03,2.5,',
  resource_load: 'resource_id,date,hours\nM8,2026-03-03,2\nM8,2026-03-03,1.25',
  products: 'sku,name,unit,supply,lead_time_days,purchase_cost,list_price,min_margin_pct\nFG,Finished,,make,0,,100,\nC1,Component,kg,buy,30,1.25,,12.5',
  bom: 'sku,component_sku,qty_per_unit\nFG,C1,2',
  inventory: 'sku,on_hand\nFG,3\nC1,40',
  receipts: 'sku,date,qty\nC1,2026-03-10,100\nC1,2026-03-10,100',
  orders: 'order_id,sku,dispatch_date,qty\n007,FG,2026-03-06,2\n007,FG,2026-03-06,2',
  policy: 'key,value\nhorizon_days,60\ncurrency,EUR\nmax_discount_pct,7.5',
});

// Cell values people type, including the awkward ones: separators, quotes, line breaks,
// number-, date- and formula-looking text, accents and emoji, leading zeros.
// Control characters other than tab and line feed are left out: the schemas refuse them (an
// .xlsx cannot hold them, so they would not survive that format).
const awkward = fc.constantFrom('a, b', 'say "hi"', 'two\nlines', 'tab\there', '=SUM(A1)', '007', '1e5', '2026-03-02', 'TRUE', 'Müller & Söhne', '工場 2', '🏭 line', ' padded ', '');
const text = fc.oneof(awkward, fc.string({ unit: 'grapheme', maxLength: 24 }).filter((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/u.test(s)));
const ident = fc.oneof(fc.constantFrom('007', 'A-1', 'x', 'Ärger', '1.50', 'TRUE'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })).filter((s) => s.trim() === s && s.length > 0);
const decimal = (maxInt: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 4 })).map(([i, f, places]) => {
    const frac = String(f).padStart(4, '0').slice(0, places);
    return places ? `${i}.${frac}` : String(i);
  });
const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 1, 20 + d)).toISOString().slice(0, 10));
const whole = fc.integer({ min: 0, max: 1_000_000 }).map(String);

type Op =
  | { kind: 'set'; table: TableName; column: string; row: number; value: string }
  | { kind: 'add'; table: TableName; cells: Record<string, string> }
  | { kind: 'delete'; table: TableName; row: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('resources' as const), column: fc.constant('name'), row: fc.nat(5), value: text }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('resources' as const), column: fc.constantFrom('cost_per_hour', 'overtime_cost_per_hour'), row: fc.nat(5), value: fc.oneof(decimal(1_000_000), fc.constant('')) }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('resources' as const), column: fc.constant('overtime_hours_per_day'), row: fc.nat(5), value: fc.oneof(decimal(23), fc.constant('')) }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('calendars' as const), column: fc.constantFrom('mon', 'tue', 'sat'), row: fc.nat(5), value: decimal(23) }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('products' as const), column: fc.constantFrom('name', 'unit'), row: fc.nat(2), value: text }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('products' as const), column: fc.constantFrom('list_price', 'min_margin_pct'), row: fc.nat(2), value: fc.oneof(decimal(99), fc.constant('')) }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('calendar_exceptions' as const), column: fc.constant('note'), row: fc.nat(2), value: text }),
  fc.record({ kind: fc.constant('set' as const), table: fc.constant('inventory' as const), column: fc.constant('on_hand'), row: fc.nat(2), value: whole }),
  fc.record({ kind: fc.constant('add' as const), table: fc.constant('resource_load' as const), cells: fc.record({ resource_id: fc.constantFrom('M8', 'M75', 'OFF'), date, hours: decimal(30) }) }),
  fc.record({ kind: fc.constant('add' as const), table: fc.constant('receipts' as const), cells: fc.record({ sku: fc.constantFrom('FG', 'C1'), date, qty: whole }) }),
  fc.record({ kind: fc.constant('add' as const), table: fc.constant('orders' as const), cells: fc.record({ order_id: ident, sku: fc.constantFrom('FG', 'C1'), dispatch_date: date, qty: whole }) }),
  fc.record({ kind: fc.constant('add' as const), table: fc.constant('calendars' as const), cells: fc.record({ calendar_id: ident, mon: decimal(24), tue: decimal(24), wed: decimal(24), thu: decimal(24), fri: decimal(24), sat: decimal(24), sun: decimal(24) }) }),
  fc.record({ kind: fc.constant('delete' as const), table: fc.constantFrom('resource_load' as const, 'receipts' as const, 'orders' as const, 'calendar_exceptions' as const), row: fc.nat(3) }),
);

function toEdit(wb: Workbook, o: Op): TableEdits | null {
  const rows = wb[o.table] as unknown[];
  if (o.kind === 'add') return { table: o.table, updates: [], inserts: [{ ...Object.fromEntries(TABLES[o.table].columns.map((c) => [c, ''])), ...o.cells }], deletes: [] };
  if (rows.length === 0) return null;
  const index = o.row % rows.length;
  if (o.kind === 'delete') return { table: o.table, updates: [], inserts: [], deletes: [index] };
  return { table: o.table, updates: [{ index, cells: { ...rowToCells(o.table, rows[index] as never), [o.column]: o.value } }], inserts: [], deletes: [] };
}

let n = 0;
describe('workbook round trip', () => {
  it('any sequence of valid edits, exported as CSV and as .xlsx and imported again, gives identical tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const run = ++n;
        const h = await openHarness(dir, BASE, `edit-${run}.db`);
        try {
          let expected = (await h.checks.loadPlant())!.workbook;
          for (const o of ops) {
            const edit = toEdit(expected, o);
            if (!edit) continue;
            const pure = applyEdits(expected, [edit]);
            const saved = await saveTableEdits(h, LOCAL_ACTOR, (await h.store.dataVersion())!, [edit], { asOf: AS_OF });
            // The service accepts exactly what the shared rules accept.
            expect(saved.ok, saved.ok ? '' : JSON.stringify(saved)).toBe(pure.ok);
            if (pure.ok) expected = pure.workbook;
            // The desk keeps the tables it saved instead of reading them back: they must be the
            // ones the database holds, value for value (no null read back where it kept undefined).
            expect((await h.checks.loadPlant())!.workbook).toStrictEqual((await h.store.loadPlant())!.workbook);
          }
          const stored = (await h.checks.loadPlant())!.workbook;
          expect(stored).toEqual(expected);

          for (const target of [join(dir, `csv-${run}`), join(dir, `x-${run}.xlsx`)]) {
            await exportWorkbook(stored, target);
            const back = await readWorkbook(target);
            expect(back.ok ? 'ok' : back.issues).toBe('ok');
            if (!back.ok) return;
            expect(back.workbook).toEqual(stored);
            const fresh = await openHarness(dir, back.workbook, `fresh-${run}-${target.endsWith('.xlsx') ? 'x' : 'c'}.db`);
            try {
              expect((await fresh.checks.loadPlant())!.workbook).toEqual(stored);
            } finally {
              await fresh.close();
            }
          }
        } finally {
          await h.close();
        }
      }),
      { seed: 20260302, numRuns: 40 },
    );
  }, 240_000);
});
