/**
 * One engine-vs-reference comparison: a workbook, an as-of date, the holds of earlier promises and
 * a request. On a mismatch, `shrinkCase` removes workbook rows and holds one at a time
 * while the mismatch stays, giving a minimal reproducer to paste into an issue or a unit test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, runCheck, validateRequest, type Hold } from '../../shared/engine';
import type { CheckRequestInput } from '../../shared/schemas/check';
import { TABLE_NAMES, type Workbook } from '../../shared/schemas/workbook';
import { checkWorkbookRules } from '../../shared/schemas/workbook-rules';
import { comparePlans } from './compare-plans';
import { dayNumber } from './dates';
import type { ReferenceSolver } from './ip-solver';
import { normalizeHolds, referencePlacement } from './reference/placement';

export interface CrossCase {
  label: string;
  asOf: string;
  workbook: Workbook;
  holds: Hold[];
  request: CheckRequestInput;
}

/**
 * Differences between engine and reference (empty: they agree). Lines are taken in planning
 * order (requested date, then request order); each is compared with the reference given the
 * earlier promises' holds plus what the lines planned before it hold. The comparison stops at the
 * first line without a chosen plan: what such a line takes within the request (its regular plan
 * at its earliest date) is not among the holds a confirm returns.
 */
export function crossCheck(solver: ReferenceSolver, c: CrossCase): string[] {
  try {
    const model = buildModel(c.workbook, { asOf: c.asOf, dataVersion: 'cross-check', holds: c.holds });
    const v = validateRequest(model, c.request);
    if (!v.ok) return [`request refused: ${JSON.stringify(v.issues)}`];
    const { result, holds } = runCheck(model, v.value);
    const order = c.request.lines.map((l, i) => ({ l, i })).sort((x, y) => (x.l.requested_date < y.l.requested_date ? -1 : x.l.requested_date > y.l.requested_date ? 1 : x.i - y.i));
    const seen: Hold[] = [...c.holds];
    const diffs: string[] = [];
    for (const { l: line, i } of order) {
      const label = c.request.lines.length > 1 ? `line ${i}: ` : '';
      const facts = solver.facts(c.workbook, c.asOf, seen);
      const reference = solver.plans(facts, { sku: line.sku, qty: line.qty, requested_date: line.requested_date, region: c.request.region, mode: c.request.mode ?? 'standard' });
      const engineLine = result.lines[i]!;
      diffs.push(...comparePlans(engineLine.plans, reference).map((d) => label + d));
      const own = holds.filter((h) => h.line === i);
      // What the chosen plan holds, placed independently (made products; bought ones need no placement).
      const chosen = reference.find((p) => p.kind === engineLine.chosen_plan);
      if (diffs.length === 0 && chosen && facts.products.get(line.sku)!.supply === 'make') {
        const placed = referencePlacement(facts, line.sku, line.qty, dayNumber(chosen.latest_dispatch_date!), chosen.overtime);
        const want = placed ? normalizeHolds(placed) : ['(reference cannot place the line)'];
        const got = normalizeHolds(own);
        if (want.join('|') !== got.join('|')) diffs.push(`${label}holds of the ${chosen.kind} plan: engine [${got.join('; ')}], reference [${want.join('; ')}]`);
      }
      if (diffs.length > 0 || !chosen) break;
      seen.push(...own);
    }
    return diffs;
  } catch (e) {
    return [`threw: ${(e as Error).stack ?? String(e)}`];
  }
}

/** A case is still a case if its workbook is valid and the request names what exists. */
function valid(c: CrossCase): boolean {
  if (checkWorkbookRules(c.workbook).length > 0) return false;
  for (const line of c.request.lines) {
    const p = c.workbook.products.find((x) => x.sku === line.sku);
    if (!p || p.list_price === null) return false;
  }
  return c.workbook.lanes.some((l) => l.region === c.request.region && l.mode === (c.request.mode ?? 'standard'));
}

export function shrinkCase(solver: ReferenceSolver, c: CrossCase, budget = 3000): CrossCase {
  let best = c;
  let tries = 0;
  let changed = true;
  while (changed && tries < budget) {
    changed = false;
    for (let i = best.request.lines.length - 1; i >= 0 && best.request.lines.length > 1; i--) {
      const candidate = { ...best, request: { ...best.request, lines: best.request.lines.filter((_, j) => j !== i) } };
      tries++;
      if (crossCheck(solver, candidate).length > 0) {
        best = candidate;
        changed = true;
      }
    }
    for (const t of [...TABLE_NAMES, 'holds' as const]) {
      const rows = (t === 'holds' ? best.holds : best.workbook[t]) as unknown[];
      for (let i = rows.length - 1; i >= 0 && tries < budget; i--) {
        const fewer = [...rows.slice(0, i), ...rows.slice(i + 1)];
        const candidate: CrossCase =
          t === 'holds' ? { ...best, holds: fewer as Hold[] } : { ...best, workbook: cascade({ ...best.workbook, [t]: fewer }, t, rows[i]) };
        if (!valid(candidate)) continue;
        tries++;
        if (crossCheck(solver, candidate).length > 0) {
          best = candidate;
          changed = true;
        }
      }
    }
  }
  return best;
}

/** Removing a product, resource or calendar removes the rows that name it, so the workbook stays valid. */
function cascade(wb: Workbook, table: string, row: unknown): Workbook {
  const r = row as Record<string, string>;
  if (table === 'products') {
    const sku = r.sku;
    return {
      ...wb,
      routings: wb.routings.filter((x) => x.sku !== sku),
      bom: wb.bom.filter((x) => x.sku !== sku && x.component_sku !== sku),
      inventory: wb.inventory.filter((x) => x.sku !== sku),
      receipts: wb.receipts.filter((x) => x.sku !== sku),
      orders: wb.orders.filter((x) => x.sku !== sku),
    };
  }
  if (table === 'resources') {
    const id = r.resource_id;
    return { ...wb, routings: wb.routings.filter((x) => x.resource_id !== id), resource_load: wb.resource_load.filter((x) => x.resource_id !== id) };
  }
  if (table === 'calendars') return { ...wb, calendar_exceptions: wb.calendar_exceptions.filter((x) => x.calendar_id !== r.calendar_id) };
  return wb;
}

/** Writes the case as JSON (non-empty tables only) and returns its path and text. */
export function keepReproducer(c: CrossCase, diffs: string[]): { path: string; text: string } {
  const tables = Object.fromEntries(Object.entries(c.workbook).filter(([, rows]) => (rows as unknown[]).length > 0));
  const text = JSON.stringify({ label: c.label, as_of: c.asOf, diffs, request: c.request, holds: c.holds, workbook: tables }, null, 1);
  const dir = join(tmpdir(), 'promise-desk-cross-check');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${c.label.replace(/[^\w-]+/g, '_')}.json`);
  writeFileSync(path, text);
  return { path, text };
}
