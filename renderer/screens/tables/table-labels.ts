import type { TableName } from '../../../shared/schemas/workbook';

/** Table names as people read them. */
export const TABLE_LABEL: Record<TableName, string> = {
  calendars: 'Calendars',
  calendar_exceptions: 'Calendar exceptions',
  resources: 'Resources',
  resource_load: 'Resource load',
  products: 'Products',
  routings: 'Routings',
  bom: 'Bills of materials',
  inventory: 'Inventory',
  receipts: 'Receipts',
  orders: 'Orders',
  lanes: 'Lanes',
  policy: 'Policy',
};
