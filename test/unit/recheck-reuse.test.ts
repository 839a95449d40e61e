/**
 * Which lines a re-check takes from the first check as they are (recheck-reuse.ts), worked out by
 * hand on products whose pools are laid out so that each rule decides one line.
 */
import { describe, expect, it } from 'vitest';
import type { LineResult } from '../../shared/schemas/check';
import type { PlantModel, ProductInfo } from '../../shared/engine/plant-model';
import { sharePools } from '../../shared/engine/pools-read';
import { planningOrder, Reuse, type Change, type Planned } from '../../shared/engine/recheck-reuse';

const made = (sku: string, pool: number, res: number[], bom: number[] = []): ProductInfo =>
  ({ sku, pool, routing: res.map((r) => ({ res: r, hoursE4: 10_000 })), bom: bom.map((p) => ({ pool: p, sku: `C${p}`, qty: 1 })) }) as unknown as ProductInfo;

// A and B share resource 0; C takes B's stock as a component; E and F share component stock 5; D shares nothing.
const products = [made('A', 0, [0]), made('B', 1, [0]), made('C', 2, [1], [1]), made('D', 3, [2]), made('E', 4, [3], [5]), made('F', 6, [4], [5])];
const model = { products: new Map(products.map((p) => [p.sku, p])) } as unknown as PlantModel;
const product = (sku: string) => model.products.get(sku)!;

type Line = [sku: string, date: string];

/** The first check's lines as planned (in planning order), and for each line of the changed request in its planning order: taken (its index in the first request) or null. */
function reuse(first: Line[], changed: Change, after: Line[]): [number, number | null][] {
  const planned: Planned[] = planningOrder(first.map(([, d]) => ({ requested_date: d }))).map((index) => ({ index, result: { sku: first[index]![0] } as LineResult, holding: null }));
  const r = new Reuse(model, planned, changed);
  return planningOrder(after.map(([, d]) => ({ requested_date: d }))).map((i) => [i, r.taken(i)?.index ?? null]);
}

describe('lines a re-check takes as they were', () => {
  it('pools shared through a resource or a stock (as product or as component), and not', () => {
    expect(sharePools(product('A'), product('B'))).toBe(true);
    expect(sharePools(product('B'), product('C'))).toBe(true);
    expect(sharePools(product('C'), product('B'))).toBe(true);
    expect(sharePools(product('E'), product('F'))).toBe(true);
    expect(sharePools(product('A'), product('C'))).toBe(false);
    expect(sharePools(product('D'), product('A'))).toBe(false);
    expect(sharePools(product('A'), product('A'))).toBe(true);
  });

  it('a line moved later: lines before it are taken; after its old place, those sharing its pools, or the pools of a line planned again, are planned again', () => {
    const first: Line[] = [['D', '2026-03-01'], ['A', '2026-03-05'], ['B', '2026-03-10'], ['C', '2026-03-12'], ['D', '2026-03-15'], ['E', '2026-03-20']];
    const after: Line[] = [['D', '2026-03-01'], ['A', '2026-03-25'], ['B', '2026-03-10'], ['C', '2026-03-12'], ['D', '2026-03-15'], ['E', '2026-03-20']];
    expect(reuse(first, { index: 1, parts: 1 }, after)).toEqual([
      [0, 0], // before the change
      [2, null], // B shares resource 0 with A, whose plan has left
      [3, null], // C shares nothing with A, but B's stock with B, planned again
      [4, 4], // D shares nothing
      [5, 5], // nor does E
      [1, null], // the changed line
    ]);
  });

  it('a line split, one part earlier: lines sharing its pools after the first part are planned again, the others taken, indices moved along by the parts', () => {
    const first: Line[] = [['D', '2026-03-01'], ['E', '2026-03-10'], ['F', '2026-03-12'], ['A', '2026-03-14']];
    const after: Line[] = [['D', '2026-03-01'], ['E', '2026-03-02'], ['E', '2026-03-20'], ['F', '2026-03-12'], ['A', '2026-03-14']];
    expect(reuse(first, { index: 1, parts: 2 }, after)).toEqual([
      [0, 0],
      [1, null], // the first part
      [3, null], // F (the first request's line 2) shares component stock 5 with E
      [4, 3], // A (line 3 before) shares nothing
      [2, null], // the second part
    ]);
  });

  it('a line whose change leaves it last in both checks leaves every other line taken', () => {
    const first: Line[] = [['B', '2026-03-01'], ['C', '2026-03-02'], ['A', '2026-03-20']];
    const after: Line[] = [['B', '2026-03-01'], ['C', '2026-03-02'], ['A', '2026-03-28']];
    expect(reuse(first, { index: 2, parts: 1 }, after)).toEqual([
      [0, 0],
      [1, 1],
      [2, null],
    ]);
  });
});
