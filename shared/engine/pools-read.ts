/**
 * Which capacity pools a check of a request reads: for each line its product's stock pool
 * (finished goods), the resources of its routing and the stock pools of its components. A change
 * of promises locks exactly these (sorted) before it checks again, so the set must cover every
 * pool any plan of the request may read or hold — a property test holds the engine to it.
 *
 * Keys: `hours:<resource_id>` and `goods:<sku>`.
 */
import type { CheckRequest } from '../schemas/check';
import type { PlantModel, ProductInfo } from './plant-model';
import type { Hold } from './types';

export type PoolKey = `hours:${string}` | `goods:${string}`;

export const hoursPool = (resourceId: string): PoolKey => `hours:${resourceId}`;
export const goodsPool = (sku: string): PoolKey => `goods:${sku}`;

/** The pool a hold takes from. */
export function poolOfHold(h: Hold): PoolKey {
  return h.type === 'hours' ? hoursPool(h.resource_id) : goodsPool(h.sku);
}

/** The pools a check of `request` reads on `model`, sorted, each once. */
export function poolsRead(model: PlantModel, request: Pick<CheckRequest, 'lines'>): PoolKey[] {
  const keys = new Set<PoolKey>();
  for (const line of request.lines) {
    keys.add(goodsPool(line.sku));
    const product = model.products.get(line.sku);
    if (!product) continue;
    for (const r of product.routing) keys.add(hoursPool(model.resources[r.res]!.id));
    for (const c of product.bom) keys.add(goodsPool(c.sku));
  }
  return [...keys].sort();
}

/**
 * Does a line of product `a` read a pool a line of product `b` reads? The same pools as
 * `poolsRead`, by index (a re-check asks it for every pair of lines it may take as they were:
 * recheck-reuse.ts; a property test holds the two equal).
 */
export function sharePools(a: ProductInfo, b: ProductInfo): boolean {
  if (a === b) return true;
  const stock = (p: ProductInfo, pool: number) => p.pool === pool || p.bom.some((c) => c.pool === pool);
  return stock(b, a.pool) || a.bom.some((c) => stock(b, c.pool)) || a.routing.some((r) => b.routing.some((s) => s.res === r.res));
}
