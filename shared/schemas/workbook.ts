/**
 * The operations workbook (`workbook.md`): every table's schema, columns, key and how rows with
 * one key combine. This registry is the one source of truth that the importer, the exporter, the
 * grid and the engine read.
 */
import type { z } from 'zod';
import { calendarExceptionRow, calendarRow } from './tables/calendars';
import { laneRow } from './tables/lanes';
import { policyRow } from './tables/policy';
import { bomRow, productRow, routingRow } from './tables/products';
import { resourceLoadRow, resourceRow } from './tables/resources';
import { inventoryRow, orderRow, receiptRow } from './tables/stock';

export * from './tables/calendars';
export * from './tables/lanes';
export * from './tables/policy';
export * from './tables/products';
export * from './tables/resources';
export * from './tables/stock';

/**
 * `unique`: the key identifies one row. `sum`: rows with one key add up (receipts, load).
 * `none`: each row is its own record (orders).
 */
export type KeyMode = 'unique' | 'sum' | 'none';

export interface TableSpec<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  /** Columns in the order they are written. */
  columns: readonly string[];
  /** Columns that may be missing from the header (they have a default). */
  defaulted: readonly string[];
  key: readonly string[];
  keyMode: KeyMode;
  optional: boolean;
  /** One example row for the blank template. */
  example: Record<string, string>;
}

function table<S extends z.ZodObject>(
  name: string,
  schema: S,
  opts: { key: string[]; keyMode?: KeyMode; optional?: boolean; defaulted?: string[]; example: Record<string, string> },
): TableSpec<S> {
  return {
    name,
    schema,
    columns: Object.keys(schema.shape),
    defaulted: opts.defaulted ?? [],
    key: opts.key,
    keyMode: opts.keyMode ?? 'unique',
    optional: opts.optional ?? false,
    example: opts.example,
  };
}

export const TABLES = {
  calendars: table('calendars', calendarRow, {
    key: ['calendar_id'],
    example: { calendar_id: 'WEEKDAYS', mon: '8', tue: '8', wed: '8', thu: '8', fri: '8', sat: '0', sun: '0' },
  }),
  calendar_exceptions: table('calendar_exceptions', calendarExceptionRow, {
    key: ['calendar_id', 'date_from'],
    optional: true,
    defaulted: ['note'],
    example: { calendar_id: 'WEEKDAYS', date_from: '2026-12-25', date_to: '2026-12-26', hours: '0', note: 'Christmas' },
  }),
  resources: table('resources', resourceRow, {
    key: ['resource_id'],
    defaulted: ['name', 'overtime_hours_per_day', 'overtime_cost_per_hour'],
    example: { resource_id: 'LINE-1', name: 'Assembly line 1', calendar_id: 'WEEKDAYS', cost_per_hour: '45', overtime_hours_per_day: '2', overtime_cost_per_hour: '60' },
  }),
  resource_load: table('resource_load', resourceLoadRow, {
    key: ['resource_id', 'date'],
    keyMode: 'sum',
    optional: true,
    example: { resource_id: 'LINE-1', date: '2026-12-01', hours: '4' },
  }),
  products: table('products', productRow, {
    key: ['sku'],
    defaulted: ['name', 'unit', 'lead_time_days', 'purchase_cost', 'list_price', 'min_margin_pct'],
    example: { sku: 'PUMP-100', name: 'Pump 100', unit: 'pcs', supply: 'make', lead_time_days: '1', purchase_cost: '', list_price: '120', min_margin_pct: '' },
  }),
  routings: table('routings', routingRow, {
    key: ['sku', 'resource_id'],
    example: { sku: 'PUMP-100', resource_id: 'LINE-1', hours_per_unit: '0.5' },
  }),
  bom: table('bom', bomRow, {
    key: ['sku', 'component_sku'],
    optional: true,
    example: { sku: 'PUMP-100', component_sku: 'MOTOR-A', qty_per_unit: '1' },
  }),
  inventory: table('inventory', inventoryRow, {
    key: ['sku'],
    optional: true,
    example: { sku: 'PUMP-100', on_hand: '40' },
  }),
  receipts: table('receipts', receiptRow, {
    key: ['sku', 'date'],
    keyMode: 'sum',
    optional: true,
    example: { sku: 'MOTOR-A', date: '2026-12-10', qty: '200' },
  }),
  orders: table('orders', orderRow, {
    key: ['order_id'],
    keyMode: 'none',
    optional: true,
    example: { order_id: 'SO-1001', sku: 'PUMP-100', dispatch_date: '2026-12-05', qty: '25' },
  }),
  lanes: table('lanes', laneRow, {
    key: ['region', 'mode'],
    defaulted: ['cost_per_shipment'],
    example: { region: 'DE', mode: 'standard', transit_days: '2', dispatch_calendar_id: 'WEEKDAYS', cost_per_unit: '1.5', cost_per_shipment: '25' },
  }),
  policy: table('policy', policyRow, {
    key: ['key'],
    optional: true,
    example: { key: 'currency', value: 'EUR' },
  }),
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export type Row<T extends TableName> = z.output<(typeof TABLES)[T]['schema']>;

/** A whole workbook: every table's rows, in their import order. */
export type Workbook = { [T in TableName]: Row<T>[] };

export function emptyWorkbook(): Workbook {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Workbook;
}
