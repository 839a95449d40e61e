import { z } from 'zod';
import { decimal, identifier, oneOf, required, wholeNumber, withDefault } from '../fields';

export const MODES = ['standard', 'express'] as const;
export type Mode = (typeof MODES)[number];

/** lanes.csv: how goods reach a ship-to region. */
export const laneRow = z.object({
  region: required(identifier),
  mode: required(oneOf(MODES)),
  transit_days: required(wholeNumber({ max: 3650 })),
  dispatch_calendar_id: required(identifier),
  cost_per_unit: required(decimal({ places: 4 })),
  cost_per_shipment: withDefault(decimal({ places: 4 })),
});
export type LaneRow = z.output<typeof laneRow>;
