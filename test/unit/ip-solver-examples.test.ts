/**
 * The reference IP solver against the hand-computed worked examples (`../shared/examples`):
 * before it may judge the engine, it must give the examples' own quantities and dates.
 * Examples with confirmed promises get those promises' holds transcribed by hand from the
 * examples' README (what the spec says a confirm holds), not from any engine output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceSolver, type ReferenceHold, type ReferenceSolver } from '../support/ip-solver';
import { loadExample } from '../support/load-example';

const hours = (date: string, h: number): ReferenceHold => ({ type: 'hours', resource_id: 'M8', date, regular_e4: h * 10_000, overtime_e4: 0 });

/** Single-line examples, each with the holds of the promises confirmed before its check. */
const CASES: [string, ReferenceHold[]][] = [
  ['01', []],
  ['02', []],
  ['03', []],
  ['04', []],
  ['05', []],
  ['06', []],
  ['07', []],
  ['08', []],
  ['09', []],
  ['10', []],
  ['11', []],
  ['12', []],
  ['13', []],
  ['14', []],
  ['15', []],
  ['16', []],
  // Confirm 1 (8 FG by Fri 03-13) is made on the latest days: Thu 03-12 and Fri 03-13, 4 × 2 h each.
  // Confirm 2 is refused and holds nothing.
  ['18', [hours('2026-03-12', 8), hours('2026-03-13', 8)]],
  // The promise takes 6 FG from stock on its dispatch day 03-10.
  ['19', [{ type: 'goods', sku: 'FG', date: '2026-03-10', qty: 6 }]],
  // The promise makes 4 FG on Fri 03-06: 8 h of M8 and 2 × 4 C1 that day.
  ['20', [hours('2026-03-06', 8), { type: 'goods', sku: 'C1', date: '2026-03-06', qty: 8 }]],
];

describe('reference IP solver on the worked examples', () => {
  let solver: ReferenceSolver;
  beforeAll(async () => {
    solver = await loadReferenceSolver();
  });

  it.each(CASES)('example %s', (prefix, holds) => {
    const ex = loadExample(prefix);
    const expected = ex.expected.result!;
    const line = ex.request.lines[0]!;
    const facts = solver.facts(ex.workbook, ex.expected.as_of, holds);
    const plans = solver.plans(facts, { sku: line.sku, qty: line.qty, requested_date: line.requested_date, region: ex.request.region, mode: ex.request.mode ?? 'standard' });
    const want = expected.lines[0]!.plans.map((p) => ({
      kind: p.kind,
      mode: p.mode,
      overtime: p.overtime,
      latest_dispatch_date: p.latest_dispatch_date ?? null,
      available_by_requested_date: p.available_by_requested_date ?? null,
      earliest_delivery_date: p.earliest_delivery_date ?? null,
    }));
    expect(plans).toEqual(want);
  });
});
