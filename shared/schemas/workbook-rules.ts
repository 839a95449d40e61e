/**
 * Rules that span rows and tables (`workbook.md`): unique keys, references that must resolve,
 * overlapping calendar exceptions, and the make/buy rules. Each broken rule is reported at the
 * row and column that break it; the caller maps a row index to a file line or a grid cell.
 */
import { TABLES, type TableName, type Workbook } from './workbook';

export interface RuleIssue {
  table: TableName;
  /** 0-based index of the row in its table. */
  row: number;
  column: string;
  message: string;
}

export function checkWorkbookRules(wb: Workbook): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (table: TableName, row: number, column: string, message: string) => issues.push({ table, row, column, message });

  for (const name of Object.keys(TABLES) as TableName[]) {
    const spec = TABLES[name];
    if (spec.keyMode !== 'unique') continue;
    const seen = new Map<string, number>();
    (wb[name] as Record<string, unknown>[]).forEach((r, i) => {
      const key = JSON.stringify(spec.key.map((k) => r[k]));
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else add(name, i, spec.key[spec.key.length - 1]!, `duplicate key ${spec.key.map((k) => `${k} ${String(r[k])}`).join(', ')} (first in row ${first + 1} of the table)`);
    });
  }

  const calendars = new Set(wb.calendars.map((c) => c.calendar_id));
  const resources = new Set(wb.resources.map((r) => r.resource_id));
  const products = new Map(wb.products.map((p) => [p.sku, p]));
  const missing = (what: string, id: string) => `${what} ${id} does not exist`;

  wb.resources.forEach((r, i) => {
    if (!calendars.has(r.calendar_id)) add('resources', i, 'calendar_id', missing('calendar', r.calendar_id));
  });
  wb.resource_load.forEach((r, i) => {
    if (!resources.has(r.resource_id)) add('resource_load', i, 'resource_id', missing('resource', r.resource_id));
  });
  wb.lanes.forEach((l, i) => {
    if (!calendars.has(l.dispatch_calendar_id)) add('lanes', i, 'dispatch_calendar_id', missing('calendar', l.dispatch_calendar_id));
  });
  const regions = new Map<string, number>();
  wb.lanes.forEach((l, i) => regions.set(l.region, regions.get(l.region) ?? i));
  for (const [region, i] of regions) {
    if (!wb.lanes.some((l) => l.region === region && l.mode === 'standard'))
      add('lanes', i, 'mode', `region ${region} has no standard lane (every region needs one)`);
  }

  // A set, not a search of the routings per product: on the big plant (2,000 made products) that
  // search was most of the rules' time, and they run on every preview and save of an edit.
  const routed = new Set(wb.routings.map((r) => r.sku));
  wb.products.forEach((p, i) => {
    if (p.supply === 'buy' && p.purchase_cost === null) add('products', i, 'purchase_cost', `is required for a bought product (${p.sku})`);
    if (p.supply === 'make' && p.purchase_cost !== null) add('products', i, 'purchase_cost', `must be empty for a made product (${p.sku})`);
    if (p.supply === 'make' && !routed.has(p.sku)) add('products', i, 'supply', `made product ${p.sku} has no routing row`);
  });
  wb.routings.forEach((r, i) => {
    const p = products.get(r.sku);
    if (!p) add('routings', i, 'sku', missing('product', r.sku));
    else if (p.supply !== 'make') add('routings', i, 'sku', `${r.sku} is bought, so it has no routing`);
    if (!resources.has(r.resource_id)) add('routings', i, 'resource_id', missing('resource', r.resource_id));
  });
  wb.bom.forEach((b, i) => {
    const p = products.get(b.sku);
    if (!p) add('bom', i, 'sku', missing('product', b.sku));
    else if (p.supply !== 'make') add('bom', i, 'sku', `${b.sku} is bought, so it has no bill of materials`);
    const c = products.get(b.component_sku);
    if (!c) add('bom', i, 'component_sku', missing('product', b.component_sku));
    else if (c.supply !== 'buy') add('bom', i, 'component_sku', `component ${b.component_sku} must be a bought product (supply buy)`);
  });
  for (const t of ['inventory', 'receipts', 'orders'] as const) {
    (wb[t] as { sku: string }[]).forEach((r, i) => {
      if (!products.has(r.sku)) add(t, i, 'sku', missing('product', r.sku));
    });
  }

  const byCalendar = new Map<string, { from: string; to: string; i: number }[]>();
  wb.calendar_exceptions.forEach((e, i) => {
    if (!calendars.has(e.calendar_id)) add('calendar_exceptions', i, 'calendar_id', missing('calendar', e.calendar_id));
    if (e.date_to < e.date_from) {
      add('calendar_exceptions', i, 'date_to', `${e.date_to} is before date_from ${e.date_from}`);
      return;
    }
    const list = byCalendar.get(e.calendar_id) ?? [];
    for (const o of list) {
      if (e.date_from <= o.to && o.from <= e.date_to)
        add('calendar_exceptions', i, 'date_from', `${e.date_from}–${e.date_to} overlaps another exception of ${e.calendar_id} (${o.from}–${o.to}, row ${o.i + 1} of the table)`);
    }
    list.push({ from: e.date_from, to: e.date_to, i });
    byCalendar.set(e.calendar_id, list);
  });
  return issues;
}
