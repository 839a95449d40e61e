/**
 * A resource's days as the capacity picture shows them: calendar hours, booked load, hours held
 * by promises (regular and overtime) and the overtime that could still be added. Integers of
 * 1/10,000 h; the interface divides only to draw.
 */
import { fromDay, toDay } from '../units/days';
import type { PlantModel } from './plant-model';

export interface CapacityDay {
  date: string;
  calendar_e4: number;
  load_e4: number;
  held_regular_e4: number;
  held_overtime_e4: number;
  /** Overtime hours a day may add (0 on days without calendar hours). */
  overtime_e4: number;
  free_regular_e4: number;
}

export function capacityPicture(model: PlantModel, resourceId: string, from?: string, to?: string): CapacityDay[] {
  const r = model.resourceIndex.get(resourceId);
  if (r === undefined) return [];
  const res = model.resources[r]!;
  const first = Math.max(0, from ? toDay(from) - model.asOfDay : 0);
  const last = Math.min(model.horizon - 1, to ? toDay(to) - model.asOfDay : model.horizon - 1);
  const out: CapacityDay[] = [];
  for (let i = first; i <= last; i++) {
    const cap = res.cap[i]!;
    out.push({
      date: fromDay(model.asOfDay + i),
      calendar_e4: cap,
      load_e4: res.load[i]!,
      held_regular_e4: res.regHeld[i]!,
      held_overtime_e4: res.otHeld[i]!,
      overtime_e4: cap > 0 ? res.otPerDayE4 : 0,
      free_regular_e4: Math.max(0, cap - res.load[i]! - res.regHeld[i]!),
    });
  }
  return out;
}

/** Ids and names of the resources, in workbook order. */
export function resourceList(model: PlantModel): { id: string; name: string }[] {
  return model.resources.map((r) => ({ id: r.id, name: r.name }));
}
