/**
 * Request errors (`promise-check.md`): these name the field and are not statuses. First the
 * request's shape (shared zod schema), then what only the plant can tell: an unknown sku, a sku
 * that is not for sale, an unknown region, express without an express lane, a date before A.
 */
import { checkRequest, type CheckRequest, type RequestIssue } from '../schemas/check';
import { laneKey, type PlantModel } from './plant-model';

export type Validated = { ok: true; value: CheckRequest } | { ok: false; issues: RequestIssue[] };

export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '') || 'request';
}

/**
 * `alreadyParsed`: the request comes from the store, which parsed it with the same schema on the
 * way in; only what the plant can tell is checked again (revalidation runs this 20,000 times).
 */
export function validateRequest(model: PlantModel, raw: unknown, opts: { allowPastDates?: boolean; alreadyParsed?: boolean } = {}): Validated {
  const parsed = opts.alreadyParsed ? { success: true as const, data: raw as CheckRequest } : checkRequest.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => {
        const path = pathOf(i.path);
        const message =
          i.code === 'unrecognized_keys'
            ? `has an unknown field ${i.keys.map((k) => `"${k}"`).join(', ')}`
            : i.code === 'invalid_type' && i.input === undefined
              ? 'is required'
              : i.message;
        return { path, message };
      }),
    };
  }
  const req = parsed.data;
  const issues: RequestIssue[] = [];
  if (!model.lanes.has(laneKey(req.region, 'standard'))) issues.push({ path: 'region', message: `${req.region} is not a region we deliver to` });
  else if (req.mode === 'express' && !model.lanes.has(laneKey(req.region, 'express')))
    issues.push({ path: 'mode', message: `${req.region} has no express lane` });
  req.lines.forEach((l, i) => {
    const p = model.products.get(l.sku);
    if (!p) issues.push({ path: `lines[${i}].sku`, message: `${l.sku} is not a product in the workbook` });
    else if (p.listPrice === null) issues.push({ path: `lines[${i}].sku`, message: `${l.sku} is not for sale (it has no list price)` });
    if (!opts.allowPastDates && l.requested_date < model.asOf)
      issues.push({ path: `lines[${i}].requested_date`, message: `${l.requested_date} is before the as-of date ${model.asOf}` });
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: req };
}
