/**
 * How many whole units of a made product each day's free hours allow: the least, over the
 * routing's resources, of floor(free hours / hours per unit). Regular and overtime hours pool
 * before the floor; overtime exists only on days with calendar hours; booked load never uses it.
 */
import type { ProductInfo } from './plant-model';
import type { View } from './view';

export function freeRegular(view: View, r: number, d: number): number {
  const res = view.model.resources[r]!;
  return Math.max(0, res.cap[d]! - res.load[d]! - view.res(r).regHeld[d]!);
}

export function freeOvertime(view: View, r: number, d: number): number {
  const res = view.model.resources[r]!;
  return res.cap[d]! > 0 ? Math.max(0, res.otPerDayE4 - view.res(r).otHeld[d]!) : 0;
}

/** Units per horizon day, with or without overtime (the first `days` days only, when given). */
export function dailyUnits(view: View, product: ProductInfo, overtime: boolean, out?: Float64Array, days = view.model.horizon): Float64Array {
  const units = (out ?? new Float64Array(view.model.horizon)).fill(product.routing.length ? Infinity : 0, 0, days);
  for (const { res: r, hoursE4 } of product.routing) {
    const res = view.model.resources[r]!;
    const { regHeld, otHeld } = view.res(r);
    for (let d = 0; d < days; d++) {
      let free = res.cap[d]! - res.load[d]! - regHeld[d]!;
      if (free < 0) free = 0;
      if (overtime && res.cap[d]! > 0) free += Math.max(0, res.otPerDayE4 - otHeld[d]!);
      const u = Math.floor(free / hoursE4);
      if (u < units[d]!) units[d] = u;
    }
  }
  return units;
}

/** `dailyUnits` without and with overtime at once: one walk over the routing's days instead of two. */
export function dailyUnitsBoth(view: View, product: ProductInfo, regular: Float64Array, withOvertime: Float64Array, days = view.model.horizon): void {
  regular.fill(product.routing.length ? Infinity : 0, 0, days);
  withOvertime.fill(product.routing.length ? Infinity : 0, 0, days);
  for (const { res: r, hoursE4 } of product.routing) {
    const res = view.model.resources[r]!;
    const { regHeld, otHeld } = view.res(r);
    for (let d = 0; d < days; d++) {
      let free = res.cap[d]! - res.load[d]! - regHeld[d]!;
      if (free < 0) free = 0;
      const u = Math.floor(free / hoursE4);
      if (u < regular[d]!) regular[d] = u;
      if (res.cap[d]! > 0) free += Math.max(0, res.otPerDayE4 - otHeld[d]!);
      const o = Math.floor(free / hoursE4);
      if (o < withOvertime[d]!) withOvertime[d] = o;
    }
  }
}

/** Whether any routing resource of the product has overtime hours (the `overtime` plans exist). */
export function hasOvertime(view: View, product: ProductInfo): boolean {
  return product.routing.some(({ res }) => view.model.resources[res]!.otPerDayE4 > 0);
}
