/**
 * What the check screen shows of the plant: the choices it offers (products, regions and modes,
 * currency, policy) and each resource's hours by day around a requested date.
 */
import { capacityPicture, resourceList } from '../../shared/engine';
import { e4ToString } from '../../shared/units/money';
import { MODES, resolvePolicy } from '../../shared/schemas/workbook';
import type { CapacityAround, PlantSummary } from '../../shared/contract';
import type { CheckService } from './check-service';
import { NoPlantError } from './operations-deps';

/** One of the resources asked about does not exist. */
export class UnknownResourceError extends Error {
  constructor(readonly resourceId: string) {
    super(`There is no resource ${resourceId}.`);
    this.name = 'UnknownResourceError';
  }
}

export async function plantSummary(checks: CheckService, asOf: string): Promise<PlantSummary> {
  const plant = await checks.loadPlant();
  if (!plant) throw new NoPlantError();
  const wb = plant.workbook;
  const policy = resolvePolicy(wb.policy);
  const regions = [...new Set(wb.lanes.map((l) => l.region))].map((region) => ({
    region,
    modes: MODES.filter((m) => wb.lanes.some((l) => l.region === region && l.mode === m)),
  }));
  return {
    as_of: asOf,
    data_version: plant.dataVersion,
    currency: policy.currency,
    policy,
    products: wb.products.map((p) => ({ sku: p.sku, name: p.name ?? p.sku, unit: p.unit ?? 'pcs', list_price: p.list_price, supply: p.supply })),
    regions,
    resources: wb.resources.map((r) => ({ resource_id: r.resource_id, name: r.name ?? r.resource_id })),
  };
}

/** Per resource and day from `from` to `to`: calendar, booked load, held and free overtime hours. */
export async function capacityAround(checks: CheckService, resourceIds: readonly string[], from: string, to: string, asOf: string): Promise<CapacityAround> {
  const m = await checks.model(asOf);
  if (!m) throw new NoPlantError();
  const names = new Map(resourceList(m.model).map((r) => [r.id, r.name]));
  const unknown = resourceIds.find((id) => !names.has(id));
  if (unknown) throw new UnknownResourceError(unknown);
  return {
    resources: resourceIds.map((id) => ({
      resource_id: id,
      name: names.get(id)!,
      days: capacityPicture(m.model, id, from, to).map((d) => ({
        date: d.date,
        calendar_hours: e4ToString(d.calendar_e4),
        load_hours: e4ToString(d.load_e4),
        held_hours: e4ToString(d.held_regular_e4 + d.held_overtime_e4),
        overtime_hours_available: e4ToString(Math.max(0, d.overtime_e4 - d.held_overtime_e4)),
      })),
    })),
  };
}
