/**
 * The shape of the in-memory plant that `buildModel` (model.ts) builds and the engine's files
 * read and update: per-day capacity per resource, stock pools, lanes. Types only, so the files
 * that use the model and the file that builds it do not import each other.
 */
import type { Policy } from '../schemas/tables/policy';
import type { DayNumber } from '../units/days';
import type { Pool } from './pool';

export interface ResourceState {
  id: string;
  name: string;
  costPerHourE4: number;
  otCostPerHourE4: number;
  otPerDayE4: number;
  /** Calendar hours (exceptions included), booked load, and hours held by promises, per day. */
  cap: Float64Array;
  load: Float64Array;
  regHeld: Float64Array;
  otHeld: Float64Array;
}

export interface ProductInfo {
  sku: string;
  name: string;
  unit: string;
  supply: 'make' | 'buy';
  leadTime: number;
  purchaseCostE4: number;
  listPrice: string | null;
  minMarginPct: string;
  routing: { res: number; hoursE4: number }[];
  bom: { pool: number; sku: string; qty: number }[];
  pool: number;
}

export interface Lane {
  region: string;
  mode: 'standard' | 'express';
  transit: number;
  calendarId: string;
  /** Dispatch allowed on day i (calendar hours above 0, exceptions included). */
  open: Uint8Array;
  costPerUnitE4: number;
  costPerShipmentE4: number;
}

export interface PlantModel {
  asOf: string;
  asOfDay: DayNumber;
  horizon: number;
  dataVersion: string;
  policy: Policy;
  products: Map<string, ProductInfo>;
  resources: ResourceState[];
  resourceIndex: Map<string, number>;
  pools: Pool[];
  poolIndex: Map<string, number>;
  lanes: Map<string, Lane>;
}

export const laneKey = (region: string, mode: string) => `${region}\u0000${mode}`;
