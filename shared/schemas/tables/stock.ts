import { z } from 'zod';
import { identifier, isoDate, required, wholeNumber } from '../fields';

/** inventory.csv: units on hand on the as-of date. */
export const inventoryRow = z.object({
  sku: required(identifier),
  on_hand: required(wholeNumber()),
});
export type InventoryRow = z.output<typeof inventoryRow>;

/** receipts.csv: planned supply (rows with one key add up; before as-of counts on as-of). */
export const receiptRow = z.object({
  sku: required(identifier),
  date: required(isoDate),
  qty: required(wholeNumber()),
});
export type ReceiptRow = z.output<typeof receiptRow>;

/** orders.csv: customer orders promised outside the application; each row is its own commitment. */
export const orderRow = z.object({
  order_id: required(identifier),
  sku: required(identifier),
  dispatch_date: required(isoDate),
  qty: required(wholeNumber()),
});
export type OrderRow = z.output<typeof orderRow>;
