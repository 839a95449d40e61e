/**
 * What each column of the workbook means, in a planner's words, with an example value. One source
 * for the grid's column descriptions, the notes on the .xlsx template's headers and the checks
 * that docs/workbook.md covers every column. The type makes every table list every one of its
 * columns, so a new column without a meaning does not compile.
 */
import type { z } from 'zod';
import type { TABLES, TableName } from './workbook';

export interface ColumnNote {
  meaning: string;
  example: string;
}

type Columns<T extends TableName> = keyof z.output<(typeof TABLES)[T]['schema']>;
type Notes = { [T in TableName]: { [C in Columns<T>]: ColumnNote } };

const weekday = (day: string): ColumnNote => ({ meaning: `Hours available on ${day} (0 to 24; 0 = not working).`, example: day === 'Saturday' || day === 'Sunday' ? '0' : '8' });

export const COLUMN_NOTES: Notes = {
  calendars: {
    calendar_id: { meaning: 'Name of the working pattern, used by resources and lanes.', example: 'WEEKDAYS' },
    mon: weekday('Monday'),
    tue: weekday('Tuesday'),
    wed: weekday('Wednesday'),
    thu: weekday('Thursday'),
    fri: weekday('Friday'),
    sat: weekday('Saturday'),
    sun: weekday('Sunday'),
  },
  calendar_exceptions: {
    calendar_id: { meaning: 'The calendar the exception changes.', example: 'WEEKDAYS' },
    date_from: { meaning: 'First day of the exception (YYYY-MM-DD).', example: '2026-12-25' },
    date_to: { meaning: 'Last day of the exception, included (YYYY-MM-DD).', example: '2026-12-26' },
    hours: { meaning: 'Hours available on each day of the range (0 for a holiday or shutdown).', example: '0' },
    note: { meaning: 'Why, shown to users (optional).', example: 'Christmas' },
  },
  resources: {
    resource_id: { meaning: 'Name of the machine, line or team whose hours limit output.', example: 'LINE-1' },
    name: { meaning: 'Name shown to people (optional; the resource_id if empty).', example: 'Assembly line 1' },
    calendar_id: { meaning: 'The calendar giving its regular hours per weekday.', example: 'WEEKDAYS' },
    cost_per_hour: { meaning: 'Cost of one regular hour.', example: '45' },
    overtime_hours_per_day: { meaning: 'Extra hours that can be added on a working day (optional; 0 if empty).', example: '2' },
    overtime_cost_per_hour: { meaning: 'Cost of one overtime hour (optional; cost_per_hour if empty).', example: '60' },
  },
  resource_load: {
    resource_id: { meaning: 'The resource already booked.', example: 'LINE-1' },
    date: { meaning: 'The day booked (YYYY-MM-DD); rows for the same day add up.', example: '2026-12-01' },
    hours: { meaning: 'Regular hours already booked that day by work outside Promise Desk.', example: '4' },
  },
  products: {
    sku: { meaning: 'Product code: finished goods and purchased components.', example: 'PUMP-100' },
    name: { meaning: 'Name shown to people (optional; the sku if empty).', example: 'Pump 100' },
    unit: { meaning: 'Unit of measure shown to people (optional; pcs if empty).', example: 'pcs' },
    supply: { meaning: 'make (produced on resources) or buy (purchased).', example: 'make' },
    lead_time_days: { meaning: 'buy: calendar days from ordering until any quantity can arrive; make: days from production until dispatch (optional; 0 if empty).', example: '1' },
    purchase_cost: { meaning: 'buy: cost of one unit (required); make: leave empty.', example: '' },
    list_price: { meaning: 'Price of one unit on the price list; empty for items that are not sold.', example: '120' },
    min_margin_pct: { meaning: 'Lowest margin in percent a sale may have without approval (optional; the policy default if empty).', example: '20' },
  },
  routings: {
    sku: { meaning: 'A make product.', example: 'PUMP-100' },
    resource_id: { meaning: 'A resource one unit is worked on.', example: 'LINE-1' },
    hours_per_unit: { meaning: 'Hours one unit takes on that resource (above 0).', example: '0.5' },
  },
  bom: {
    sku: { meaning: 'A make product.', example: 'PUMP-100' },
    component_sku: { meaning: 'A buy product it consumes.', example: 'MOTOR-A' },
    qty_per_unit: { meaning: 'Units of the component per unit made (a whole number above 0).', example: '1' },
  },
  inventory: {
    sku: { meaning: 'A product.', example: 'PUMP-100' },
    on_hand: { meaning: 'Units in stock on the as-of date (a product without a row has 0).', example: '40' },
  },
  receipts: {
    sku: { meaning: 'A product.', example: 'MOTOR-A' },
    date: { meaning: 'Day the units arrive or become dispatchable (YYYY-MM-DD); rows for the same day add up.', example: '2026-12-10' },
    qty: { meaning: 'Units arriving: open purchase orders or planned production.', example: '200' },
  },
  orders: {
    order_id: { meaning: 'Your order number for a commitment made outside Promise Desk.', example: 'SO-1001' },
    sku: { meaning: 'The product promised.', example: 'PUMP-100' },
    dispatch_date: { meaning: 'Day it leaves (YYYY-MM-DD); it takes stock from that day on.', example: '2026-12-05' },
    qty: { meaning: 'Units promised.', example: '25' },
  },
  lanes: {
    region: { meaning: 'Ship-to region; every region needs a standard lane.', example: 'DE' },
    mode: { meaning: 'standard or express.', example: 'standard' },
    transit_days: { meaning: 'Calendar days from dispatch to delivery.', example: '2' },
    dispatch_calendar_id: { meaning: 'Calendar of the days goods can leave (any hours above 0 is a dispatch day).', example: 'WEEKDAYS' },
    cost_per_unit: { meaning: 'Shipping cost per unit.', example: '1.5' },
    cost_per_shipment: { meaning: 'Fixed cost per dispatch (optional; 0 if empty).', example: '25' },
  },
  policy: {
    key: { meaning: 'currency, default_min_margin_pct, max_discount_pct, horizon_days or hold_days.', example: 'currency' },
    value: { meaning: 'The value for that key (percentages as numbers: 18 means 18 %).', example: 'EUR' },
  },
};

export function columnNote(table: TableName, column: string): ColumnNote | undefined {
  const notes = COLUMN_NOTES[table] as Record<string, ColumnNote>;
  return Object.hasOwn(notes, column) ? notes[column] : undefined;
}
