/** The grid's range rules, by hand-worked tables: what a range copies, fills and clears. */
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../renderer/screens/tables/edit-state';
import { clampRange, clearRange, copyRange, describeRange, fillDown, inRange, rangeOf, rowIdsOf } from '../../../renderer/screens/tables/grid-range';

const row = (i: number, cells: string[], state: GridRow['state'] = 'base'): GridRow => ({ id: `b${i}`, number: i + 1, cells, state });
// calendars-like rows: id, mon, tue
const view: GridRow[] = [row(0, ['A', '8', '8']), row(1, ['B', '7.5', '']), row(2, ['C', '0', '6'], 'deleted'), row(3, ['D', '', 'x "y"\tz'])];
const plain = (m: Map<string, Map<number, string>>) => Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]));

describe('a range of cells', () => {
  it.each([
    [{ row: 0, col: 0 }, { row: 2, col: 1 }, { top: 0, bottom: 2, left: 0, right: 1 }],
    [{ row: 3, col: 2 }, { row: 1, col: 0 }, { top: 1, bottom: 3, left: 0, right: 2 }],
    [{ row: 1, col: 1 }, { row: 1, col: 1 }, { top: 1, bottom: 1, left: 1, right: 1 }],
  ])('from %o to %o spans %o', (anchor, active, expected) => {
    expect(rangeOf(anchor, active)).toEqual(expected);
  });

  it('contains its corners and nothing outside', () => {
    const r = rangeOf({ row: 1, col: 1 }, { row: 2, col: 2 });
    expect([inRange(r, 1, 1), inRange(r, 2, 2), inRange(r, 0, 1), inRange(r, 1, 0), inRange(r, 3, 2)]).toEqual([true, true, false, false, false]);
  });

  it('is cut to the rows left after a filter, or gone when none is', () => {
    expect(clampRange({ top: 1, bottom: 9, left: 0, right: 5 }, 4, 3)).toEqual({ top: 1, bottom: 3, left: 0, right: 2 });
    expect(clampRange({ top: 5, bottom: 9, left: 0, right: 1 }, 4, 3)).toBeNull();
  });

  it('copies as tab-separated lines, quoting a cell with a tab or a quote as spreadsheets do', () => {
    expect(copyRange(view, rangeOf({ row: 0, col: 0 }, { row: 1, col: 1 }))).toBe('A\t8\nB\t7.5\n');
    expect(copyRange(view, rangeOf({ row: 3, col: 1 }, { row: 3, col: 2 }))).toBe('\t"x ""y""\tz"\n');
  });

  it('fills down from its top row, leaving removed rows and equal cells alone', () => {
    expect(plain(fillDown(view, rangeOf({ row: 0, col: 1 }, { row: 3, col: 2 })))).toEqual({ b1: { 1: '8', 2: '8' }, b3: { 1: '8', 2: '8' } });
  });

  it('fills one row from the row above it, and the first row from nothing', () => {
    expect(plain(fillDown(view, rangeOf({ row: 1, col: 1 }, { row: 1, col: 2 })))).toEqual({ b1: { 1: '8', 2: '8' } });
    expect(fillDown(view, rangeOf({ row: 0, col: 0 }, { row: 0, col: 2 })).size).toBe(0);
  });

  it('clears every non-empty cell it holds, except on removed rows', () => {
    expect(plain(clearRange(view, rangeOf({ row: 1, col: 1 }, { row: 3, col: 2 })))).toEqual({ b1: { 1: '' }, b3: { 2: '' } });
  });

  it('names its rows and says what it holds', () => {
    const r = rangeOf({ row: 1, col: 0 }, { row: 3, col: 1 });
    expect(rowIdsOf(view, r)).toEqual(['b1', 'b2', 'b3']);
    expect(describeRange(r, ['calendar_id', 'mon', 'tue'])).toBe('3 rows × 2 columns selected (calendar_id to mon)');
    expect(describeRange(rangeOf({ row: 0, col: 2 }, { row: 0, col: 2 }), ['calendar_id', 'mon', 'tue'])).toBe('1 row × 1 column selected (tue)');
  });
});
