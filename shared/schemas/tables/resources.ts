import { z } from 'zod';
import { decimal, identifier, isoDate, required, text, withDefault } from '../fields';

/** resources.csv: anything whose hours limit output. */
export const resourceRow = z.object({
  resource_id: required(identifier),
  name: withDefault(text(200)),
  calendar_id: required(identifier),
  cost_per_hour: required(decimal({ places: 4 })),
  overtime_hours_per_day: withDefault(decimal({ places: 4, max: '24' })),
  overtime_cost_per_hour: withDefault(decimal({ places: 4 })),
});
export type ResourceRow = z.output<typeof resourceRow>;

/** resource_load.csv: hours already booked outside the application (rows with one key add up). */
export const resourceLoadRow = z.object({
  resource_id: required(identifier),
  date: required(isoDate),
  hours: required(decimal({ places: 4 })),
});
export type ResourceLoadRow = z.output<typeof resourceLoadRow>;
