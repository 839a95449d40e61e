/**
 * The Backend port over the check service (main/services/check-service.ts): the store, the
 * engine model, the check.
 */
import { capacityPicture, resourceList } from '../../shared/engine';
import { e4ToString } from '../../shared/units/money';
import { MODES, resolvePolicy } from '../../shared/schemas/workbook';
import type { CapacityAround, PlantSummary } from '../../shared/contract';
import type { CheckService } from '../services/check-service';
import type { Backend } from './backend';
import { HandlerError } from './errors';

export function serviceBackend(service: CheckService): Backend {
  const noPlant = (message: string) => new HandlerError('unavailable', message);
  return {
    today: () => service.today(),

    async check(request, asOf) {
      const c = await service.check(request, asOf);
      if (c.ok) return { ok: true, result: c.result };
      if (c.kind === 'request') return { ok: false, issues: c.issues };
      throw noPlant(c.message);
    },

    async summary(asOf): Promise<PlantSummary> {
      const plant = await service.loadPlant();
      if (!plant) throw noPlant('The database has no operations tables yet: import a workbook first.');
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
    },

    async capacity(resourceIds, from, to, asOf): Promise<CapacityAround> {
      const m = await service.model(asOf);
      if (!m) throw noPlant('The database has no operations tables yet: import a workbook first.');
      const names = new Map(resourceList(m.model).map((r) => [r.id, r.name]));
      const unknown = resourceIds.find((id) => !names.has(id));
      if (unknown) throw new HandlerError('not_found', `There is no resource ${unknown}.`);
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
    },
  };
}
