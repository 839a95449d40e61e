/**
 * The demo plant: Pumpenwerk Neckar GmbH, a small pump maker near Stuttgart selling in EUR.
 * Generated from a given "today" so that its dates never go stale: holidays for the years the
 * horizon covers, open purchase orders, planned production, booked load and customer orders a few
 * days or weeks ahead.
 *
 * What it shows: machining on two shifts (16 h), assembly on one shift (8 h, two hours' overtime
 * on working days and a few Saturday shifts as calendar exceptions: overtime applies only on days
 * with calendar hours), a test bench (7.5 h), made pumps with bought motors and housings, spare
 * parts sold from stock, four regions with standard and express lanes. With `demoRequests` some
 * requests are ok, some need overtime or express, some cannot be met.
 */
import { addDays, toDay, weekdayIndex } from '../../shared/units/days';
import { TABLES, TABLE_NAMES, emptyWorkbook, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { germanHolidays } from './holidays';

type Cells = Record<string, string>;

export const DEMO_HORIZON_DAYS = 180;

interface Calendar {
  id: string;
  week: [number, number, number, number, number, number, number];
}

const CALENDARS: Calendar[] = [
  { id: 'MACH-2S', week: [16, 16, 16, 16, 16, 0, 0] },
  { id: 'ASSY-1S', week: [8, 8, 8, 8, 8, 0, 0] },
  { id: 'TEST-75', week: [7.5, 7.5, 7.5, 7.5, 7.5, 0, 0] },
  { id: 'SHIP', week: [8, 8, 8, 8, 8, 0, 0] },
  // Air freight to the US leaves on Tuesdays and Thursdays.
  { id: 'AIR-TT', week: [0, 8, 0, 8, 0, 0, 0] },
];

const RESOURCES: Cells[] = [
  { resource_id: 'CNC-1', name: 'CNC machining centre', calendar_id: 'MACH-2S', cost_per_hour: '95', overtime_hours_per_day: '4', overtime_cost_per_hour: '128' },
  { resource_id: 'LATHE-1', name: 'CNC lathe', calendar_id: 'MACH-2S', cost_per_hour: '78', overtime_hours_per_day: '', overtime_cost_per_hour: '' },
  { resource_id: 'ASSY', name: 'Assembly line', calendar_id: 'ASSY-1S', cost_per_hour: '62', overtime_hours_per_day: '2', overtime_cost_per_hour: '84.5' },
  { resource_id: 'TEST', name: 'Test bench', calendar_id: 'TEST-75', cost_per_hour: '70', overtime_hours_per_day: '1.5', overtime_cost_per_hour: '94.5' },
];

// sku, name, supply, lead time, purchase cost, list price, min margin
const PRODUCTS: [string, string, 'make' | 'buy', string, string, string, string][] = [
  ['CP-32', 'Centrifugal pump CP 32', 'make', '1', '', '890', ''],
  ['CP-50', 'Centrifugal pump CP 50', 'make', '1', '', '1450', ''],
  ['CP-80', 'Centrifugal pump CP 80', 'make', '2', '', '2650', '22'],
  ['SP-4', 'Submersible pump SP 4', 'make', '1', '', '1190', ''],
  ['DP-25', 'Dosing pump DP 25', 'make', '0', '', '640', ''],
  ['BS-100', 'Booster set BS 100', 'make', '3', '', '4800', '25'],
  ['SEAL-KIT', 'Mechanical seal kit', 'buy', '7', '31.4', '79', '40'],
  ['CTRL-BOX', 'Pump controller', 'buy', '21', '255', '420', ''],
  ['MOT-075', 'Motor 0.75 kW', 'buy', '28', '145', '', ''],
  ['MOT-220', 'Motor 2.2 kW', 'buy', '35', '310', '', ''],
  ['MOT-550', 'Motor 5.5 kW', 'buy', '42', '690', '', ''],
  ['HSG-32', 'Cast housing 32', 'buy', '21', '58', '', ''],
  ['HSG-50', 'Cast housing 50', 'buy', '28', '84', '', ''],
  ['HSG-80', 'Cast housing 80', 'buy', '28', '139.5', '', ''],
  ['IMP-S', 'Impeller small', 'buy', '14', '22.3', '', ''],
  ['IMP-L', 'Impeller large', 'buy', '14', '41', '', ''],
];

// sku: [resource, hours per unit][]
const ROUTINGS: Record<string, [string, string][]> = {
  'CP-32': [['CNC-1', '0.6'], ['LATHE-1', '0.25'], ['ASSY', '1.2'], ['TEST', '0.5']],
  'CP-50': [['CNC-1', '0.9'], ['LATHE-1', '0.4'], ['ASSY', '1.6'], ['TEST', '0.75']],
  'CP-80': [['CNC-1', '1.5'], ['LATHE-1', '0.6'], ['ASSY', '2.5'], ['TEST', '1']],
  'SP-4': [['LATHE-1', '0.5'], ['ASSY', '1.8'], ['TEST', '0.75']],
  'DP-25': [['CNC-1', '0.3'], ['ASSY', '0.8'], ['TEST', '0.25']],
  'BS-100': [['ASSY', '6'], ['TEST', '2.5']],
};

// sku: [component, qty per unit][]
const BOM: Record<string, [string, number][]> = {
  'CP-32': [['MOT-075', 1], ['HSG-32', 1], ['IMP-S', 1], ['SEAL-KIT', 1]],
  'CP-50': [['MOT-220', 1], ['HSG-50', 1], ['IMP-L', 1], ['SEAL-KIT', 1]],
  'CP-80': [['MOT-550', 1], ['HSG-80', 1], ['IMP-L', 1], ['SEAL-KIT', 2]],
  'SP-4': [['MOT-075', 1], ['IMP-S', 2], ['SEAL-KIT', 1]],
  'DP-25': [['MOT-075', 1], ['SEAL-KIT', 1]],
  'BS-100': [['MOT-220', 3], ['CTRL-BOX', 1], ['IMP-L', 3], ['SEAL-KIT', 3]],
};

const INVENTORY: Record<string, number> = {
  'CP-32': 18, 'CP-50': 6, 'CP-80': 2, 'SP-4': 9, 'DP-25': 25, 'BS-100': 1, 'SEAL-KIT': 140, 'CTRL-BOX': 4,
  'MOT-075': 60, 'MOT-220': 22, 'MOT-550': 5, 'HSG-32': 40, 'HSG-50': 18, 'HSG-80': 4, 'IMP-S': 90, 'IMP-L': 35,
};

// region, mode, transit days, dispatch calendar, cost per unit, cost per shipment
const LANES: [string, 'standard' | 'express', string, string, string, string][] = [
  ['DE', 'standard', '2', 'SHIP', '6.5', '35'],
  ['DE', 'express', '1', 'SHIP', '14', '60'],
  ['FR', 'standard', '4', 'SHIP', '11', '85'],
  ['FR', 'express', '2', 'SHIP', '24', '140'],
  ['PL', 'standard', '3', 'SHIP', '9.5', '70'],
  ['PL', 'express', '1', 'SHIP', '21', '120'],
  ['US', 'standard', '24', 'SHIP', '38', '450'],
  ['US', 'express', '5', 'AIR-TT', '95', '380'],
];

/** The demo plant as of `today` (`YYYY-MM-DD`). */
export function demoWorkbook(today: string): Workbook {
  const raw: Record<TableName, Cells[]> = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Record<TableName, Cells[]>;
  const day = (n: number) => addDays(today, n);
  const closed = closedDays(today);
  const workday = (n: number) => nthWorkday(today, n, closed);

  const dayCell = (h: number) => String(h);
  for (const c of CALENDARS) {
    const [mon, tue, wed, thu, fri, sat, sun] = c.week.map(dayCell) as [string, string, string, string, string, string, string];
    raw.calendars.push({ calendar_id: c.id, mon, tue, wed, thu, fri, sat, sun });
  }

  // Holidays and the shutdown between the years, on every calendar; Saturday shifts on assembly.
  const exceptions: { from: string; to: string; hours: string; note: string; only?: string }[] = [];
  for (const h of holidaysAround(today)) exceptions.push({ from: h.date, to: h.date, hours: '0', note: h.name });
  for (const year of yearsAround(today)) {
    exceptions.push({ from: `${year}-12-24`, to: `${year}-12-24`, hours: '0', note: 'Heiligabend (plant closed)' });
    exceptions.push({ from: `${year}-12-27`, to: `${year}-12-31`, hours: '0', note: 'Betriebsferien zwischen den Jahren' });
  }
  for (const weeks of [2, 3, 5]) {
    const saturday = nextSaturday(day(weeks * 7));
    if (!closed.has(saturday)) exceptions.push({ from: saturday, to: saturday, hours: '6', note: 'Samstagsschicht', only: 'ASSY-1S' });
  }
  exceptions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const c of CALENDARS) {
    for (const e of exceptions) {
      if (e.only && e.only !== c.id) continue;
      raw.calendar_exceptions.push({ calendar_id: c.id, date_from: e.from, date_to: e.to, hours: e.hours, note: e.note });
    }
  }

  raw.resources.push(...RESOURCES.map((r) => ({ ...r })));
  for (const [sku, name, supply, lead, cost, list, margin] of PRODUCTS) {
    raw.products.push({ sku, name, unit: 'pcs', supply, lead_time_days: lead, purchase_cost: cost, list_price: list, min_margin_pct: margin });
  }
  for (const [sku, steps] of Object.entries(ROUTINGS)) for (const [resource_id, hours] of steps) raw.routings.push({ sku, resource_id, hours_per_unit: hours });
  for (const [sku, parts] of Object.entries(BOM)) for (const [component_sku, qty] of parts) raw.bom.push({ sku, component_sku, qty_per_unit: String(qty) });
  for (const [sku, qty] of Object.entries(INVENTORY)) raw.inventory.push({ sku, on_hand: String(qty) });

  // Open purchase orders and planned production (two receipts of seal kits on one day add up).
  const receipts: [string, string, number][] = [
    ['MOT-075', workday(8), 80],
    ['MOT-220', workday(12), 40],
    ['MOT-550', workday(15), 12],
    ['HSG-50', workday(6), 30],
    ['HSG-80', workday(10), 10],
    ['SEAL-KIT', workday(5), 100],
    ['SEAL-KIT', workday(5), 50],
    ['CTRL-BOX', workday(9), 10],
    // Planned production (released orders, booked on the resources below) covers the customer orders.
    ['CP-32', workday(4), 10],
    ['CP-32', workday(10), 12],
    ['CP-50', workday(4), 8],
    ['CP-80', workday(7), 4],
    ['SP-4', workday(10), 6],
    ['DP-25', workday(12), 20],
    ['BS-100', workday(11), 2],
  ];
  for (const [sku, date, qty] of receipts) raw.receipts.push({ sku, date, qty: String(qty) });

  // Customer orders promised before this application: a busy first fortnight.
  const orders: [string, number, number][] = [
    ['CP-32', 1, 12], ['CP-50', 2, 5], ['CP-80', 3, 2], ['SP-4', 3, 6], ['DP-25', 4, 15], ['CP-32', 5, 10],
    ['CP-50', 6, 6], ['BS-100', 12, 2], ['CP-80', 9, 3], ['SEAL-KIT', 2, 30], ['CTRL-BOX', 6, 3], ['CP-32', 12, 14],
    ['SP-4', 14, 8], ['DP-25', 18, 20],
  ];
  orders.forEach(([sku, wd, qty], i) => raw.orders.push({ order_id: `SO-${24100 + i * 7}`, sku, dispatch_date: workday(wd), qty: String(qty) }));

  // Released production orders: machining and assembly are well booked for two weeks.
  for (let n = 0; n < 10; n++) {
    raw.resource_load.push({ resource_id: 'CNC-1', date: workday(n), hours: n < 5 ? '11' : '7.5' });
    raw.resource_load.push({ resource_id: 'ASSY', date: workday(n), hours: n < 6 ? '4' : '2.5' });
    if (n % 2 === 0) raw.resource_load.push({ resource_id: 'TEST', date: workday(n), hours: '3.25' });
  }
  // A second order on the same day and resource adds up.
  raw.resource_load.push({ resource_id: 'ASSY', date: workday(1), hours: '1.5' });

  for (const [region, mode, transit, cal, perUnit, perShipment] of LANES)
    raw.lanes.push({ region, mode, transit_days: transit, dispatch_calendar_id: cal, cost_per_unit: perUnit, cost_per_shipment: perShipment });

  raw.policy.push(
    { key: 'currency', value: 'EUR' },
    { key: 'default_min_margin_pct', value: '18' },
    { key: 'max_discount_pct', value: '12' },
    { key: 'horizon_days', value: String(DEMO_HORIZON_DAYS) },
    { key: 'hold_days', value: '3' },
  );

  const wb = emptyWorkbook();
  for (const t of TABLE_NAMES) (wb as Record<TableName, unknown[]>)[t] = raw[t].map((r) => TABLES[t].schema.parse(r));
  return wb;
}

function yearsAround(today: string): number[] {
  const first = Number(today.slice(0, 4));
  const last = Number(addDays(today, 366).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function holidaysAround(today: string) {
  return yearsAround(today).flatMap(germanHolidays);
}

/** Days the plant is closed although they are weekdays. */
function closedDays(today: string): Set<string> {
  const set = new Set(holidaysAround(today).map((h) => h.date));
  for (const y of yearsAround(today)) for (const d of ['12-24', '12-27', '12-28', '12-29', '12-30', '12-31']) set.add(`${y}-${d}`);
  return set;
}

/** The n-th working day of the demo plant (Mon–Fri, not closed) from `today`; 0 is today or the next one. */
export function nthWorkday(today: string, n: number, closed: ReadonlySet<string> = closedDays(today)): string {
  let d = today;
  let left = n;
  for (;;) {
    if (weekdayIndex(toDay(d)) < 5 && !closed.has(d)) {
      if (left === 0) return d;
      left--;
    }
    d = addDays(d, 1);
  }
}

function nextSaturday(d: string): string {
  return addDays(d, (5 - weekdayIndex(toDay(d)) + 7) % 7);
}
