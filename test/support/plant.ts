/**
 * The small plant the worked examples share (../shared/examples/README.md), as CSV text that a
 * test overrides table by table. As of Monday 2026-03-02.
 */
import { parse } from 'csv-parse/sync';
import { emptyWorkbook, TABLES, type TableName, type Workbook } from '../../shared/schemas/workbook';

export const AS_OF = '2026-03-02';

const BASE: Partial<Record<TableName, string>> = {
  calendars: `calendar_id,mon,tue,wed,thu,fri,sat,sun
WD8,8,8,8,8,8,0,0
WD75,7.5,7.5,7.5,7.5,7.5,0,0
ZERO,0,0,0,0,0,0,0
ALL,1,1,1,1,1,1,1
MWF,1,0,1,0,1,0,0`,
  resources: `resource_id,name,calendar_id,cost_per_hour,overtime_hours_per_day,overtime_cost_per_hour
M8,"Machine, 8 h",WD8,30,,
M75,Machine 7.5 h,WD75,40,,
OFF,Idle,ZERO,10,,`,
  products: `sku,name,unit,supply,lead_time_days,purchase_cost,list_price,min_margin_pct
FG,Finished,,make,0,,100,
C1,Component,,buy,30,1.25,,`,
  routings: `sku,resource_id,hours_per_unit
FG,M8,2`,
  lanes: `region,mode,transit_days,dispatch_calendar_id,cost_per_unit,cost_per_shipment
DE,standard,0,WD8,0,`,
  policy: `key,value
horizon_days,60`,
};

/** The shared plant with some tables replaced (CSV text, header first). */
export function plant(overrides: Partial<Record<TableName, string>> = {}): Workbook {
  const wb = emptyWorkbook() as Record<string, unknown[]>;
  for (const [t, text] of Object.entries({ ...BASE, ...overrides }) as [TableName, string][]) {
    const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
    wb[t] = rows.map((r) => TABLES[t].schema.parse(r));
  }
  return wb as Workbook;
}

export const line = (sku: string, qty: number, requested_date: string, unit_price: string | number = '100') => ({ sku, qty, requested_date, unit_price });
export const request = (...lines: ReturnType<typeof line>[]) => ({ customer: 'Acme GmbH', region: 'DE', lines });
