/**
 * The capacity picture: every resource by day over the horizon (calendar hours, booked load,
 * hours held by promises, regular and overtime, overtime a day may add) with the calendar
 * exceptions that shape it, and the promises holding a chosen cell. Hours stay integers of
 * 1/10,000 h (exact in JSON); the window divides only to draw.
 */
import { capacityPicture, resourceList } from '../../shared/engine';
import { addDays } from '../../shared/units/days';
import { e4ToString } from '../../shared/units/money';
import { NoPlantError, type OperationsDeps } from './operations-deps';

export interface CapacityPicture {
  as_of: string;
  data_version: string;
  /** Every day of the horizon, as_of first. */
  dates: string[];
  resources: {
    resource_id: string;
    name: string;
    calendar_id: string;
    calendar_e4: number[];
    load_e4: number[];
    held_regular_e4: number[];
    held_overtime_e4: number[];
    /** Overtime the day may add (0 on closed days). */
    overtime_e4: number[];
  }[];
  /** Calendar exceptions that touch the horizon: holidays (0 h), shutdowns, extra shifts. */
  exceptions: { calendar_id: string; date_from: string; date_to: string; hours: string; note: string }[];
}

export async function capacityPictureOf(deps: OperationsDeps, asOf: string): Promise<CapacityPicture> {
  const m = await deps.checks.model(asOf);
  const plant = await deps.checks.loadPlant();
  if (!m || !plant) throw new NoPlantError();
  const model = m.model;
  const last = addDays(asOf, model.horizon - 1);
  const calendarOf = new Map(plant.workbook.resources.map((r) => [r.resource_id, r.calendar_id]));
  const dates = Array.from({ length: model.horizon }, (_, i) => addDays(asOf, i));
  const resources = resourceList(model).map(({ id, name }) => {
    const days = capacityPicture(model, id);
    return {
      resource_id: id,
      name,
      calendar_id: calendarOf.get(id) ?? '',
      calendar_e4: days.map((d) => d.calendar_e4),
      load_e4: days.map((d) => d.load_e4),
      held_regular_e4: days.map((d) => d.held_regular_e4),
      held_overtime_e4: days.map((d) => d.held_overtime_e4),
      overtime_e4: days.map((d) => d.overtime_e4),
    };
  });
  const exceptions = plant.workbook.calendar_exceptions
    .filter((e) => e.date_to >= asOf && e.date_from <= last)
    .map((e) => ({ calendar_id: e.calendar_id, date_from: e.date_from, date_to: e.date_to, hours: e.hours, note: e.note ?? '' }));
  return { as_of: asOf, data_version: plant.dataVersion, dates, resources, exceptions };
}

export interface CellHolder {
  id: string;
  status: string;
  customer: string;
  at_risk: boolean;
  regular_hours: string;
  overtime_hours: string;
  first_date: string;
  last_date: string;
}

/** Open promises holding hours of one resource from `from` to `to`, in the order they were confirmed. */
export async function cellHolders(deps: OperationsDeps, resourceId: string, from: string, to: string): Promise<CellHolder[]> {
  const list = await deps.ops.promisesHolding(resourceId, from, to);
  return list.map((p) => ({
    id: p.id,
    status: p.status,
    customer: p.customer,
    at_risk: p.atRisk,
    regular_hours: e4ToString(p.regular_e4),
    overtime_hours: e4ToString(p.overtime_e4),
    first_date: p.firstDate,
    last_date: p.lastDate,
  }));
}
