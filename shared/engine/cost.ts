/**
 * The cost of a plan for the full quantity (`promise-check.md`, "Plans, costs and status"),
 * in exact e8 BigInts: finished goods from stock at standard cost, produced units at their
 * regular and overtime hours and components, bought-in units at purchase cost, and shipping
 * (cost per unit × qty + one cost per shipment).
 */
import type { PlantModel, ProductInfo } from './plant-model';
import type { PlanCalc } from './plans';

export interface CostE8 {
  goods: bigint;
  overtime: bigint;
  shipping: bigint;
  total: bigint;
}

const E4 = 10_000n;

// A product's unit costs depend only on its model's tables, which never change: worked out once
// per product, not for every line that costs a plan (20,000 in a replan; issue #15, speed).
const standardCosts = new WeakMap<ProductInfo, bigint>();
const componentCosts = new WeakMap<ProductInfo, bigint>();

/** Standard cost of one unit (e8): buy → purchase cost; make → routing hours at cost per hour plus components. */
export function standardCostE8(model: PlantModel, p: ProductInfo): bigint {
  let c = standardCosts.get(p);
  if (c === undefined) {
    if (p.supply === 'buy') c = BigInt(p.purchaseCostE4) * E4;
    else {
      c = componentsCostE8(model, p);
      for (const { res, hoursE4 } of p.routing) c += BigInt(hoursE4) * BigInt(model.resources[res]!.costPerHourE4);
    }
    standardCosts.set(p, c);
  }
  return c;
}

export function componentsCostE8(model: PlantModel, p: ProductInfo): bigint {
  let c = componentCosts.get(p);
  if (c === undefined) {
    c = 0n;
    for (const b of p.bom) c += BigInt(b.qty) * BigInt(model.products.get(b.sku)!.purchaseCostE4) * E4;
    componentCosts.set(p, c);
  }
  return c;
}

export function planCost(model: PlantModel, p: ProductInfo, plan: PlanCalc, qty: number, shipments = 1): CostE8 | null {
  if (plan.placed === null) return null;
  let goods = 0n;
  let overtime = 0n;
  if (p.supply === 'buy') goods = BigInt(qty) * BigInt(p.purchaseCostE4) * E4;
  else {
    goods += BigInt(plan.fromStock) * standardCostE8(model, p);
    const perUnitComponents = componentsCostE8(model, p);
    const { routing, days, qty, regular, overtime: ot } = plan.production;
    const R = routing.length;
    for (let k = 0; k < days.length; k++) {
      goods += BigInt(qty[k]!) * perUnitComponents;
      for (let s = 0; s < R; s++) {
        const r = model.resources[routing[s]!.res]!;
        goods += BigInt(regular[k * R + s]!) * BigInt(r.costPerHourE4);
        overtime += BigInt(ot[k * R + s]!) * BigInt(r.otCostPerHourE4);
      }
    }
  }
  const shipping = (BigInt(qty) * BigInt(plan.lane.costPerUnitE4) + BigInt(shipments) * BigInt(plan.lane.costPerShipmentE4)) * E4;
  return { goods, overtime, shipping, total: goods + overtime + shipping };
}
