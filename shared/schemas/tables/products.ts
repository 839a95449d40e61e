import { z } from 'zod';
import { decimal, identifier, oneOf, required, text, wholeNumber, withDefault } from '../fields';

export const SUPPLY_KINDS = ['make', 'buy'] as const;

/** products.csv: finished goods and purchased components. */
export const productRow = z.object({
  sku: required(identifier),
  name: withDefault(text(200)),
  unit: withDefault(text(20)),
  supply: required(oneOf(SUPPLY_KINDS)),
  lead_time_days: withDefault(wholeNumber({ max: 3650 })),
  purchase_cost: withDefault(decimal({ places: 4 })),
  list_price: withDefault(decimal({ places: 4, positive: true })),
  min_margin_pct: withDefault(decimal({ places: 4, signed: true, max: '100' })),
});
export type ProductRow = z.output<typeof productRow>;

/** routings.csv: hours one unit of a `make` product takes on a resource. */
export const routingRow = z.object({
  sku: required(identifier),
  resource_id: required(identifier),
  hours_per_unit: required(decimal({ places: 4, positive: true })),
});
export type RoutingRow = z.output<typeof routingRow>;

/** bom.csv: units of a `buy` component one unit of a `make` product consumes. */
export const bomRow = z.object({
  sku: required(identifier),
  component_sku: required(identifier),
  qty_per_unit: required(wholeNumber({ positive: true })),
});
export type BomRow = z.output<typeof bomRow>;
