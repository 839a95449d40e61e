import { describe, expect, it } from 'vitest';
import { EMPTY_EDITS, addRows, baseCells, deleteRows, editCount, gridRows, placeIssues, setCells, toContractEdits } from '../../../renderer/screens/tables/edit-state';
import { applyEdits } from '../../../shared/edits/apply-edits';
import { plant } from '../../support/plant';

const wb = plant();
const base = baseCells(wb, 'resources');
const set = (id: string, col: number, text: string) => new Map([[id, new Map([[col, text]])]]);

describe('grid edit state', () => {
  it('keeps a changed row, and forgets it when it is changed back', () => {
    const a = setCells(EMPTY_EDITS, 'resources', base, set('b0', 3, '31'));
    expect(editCount(a)).toBe(1);
    expect(gridRows(base, a.tables.resources)[0]).toMatchObject({ state: 'changed', cells: ['M8', 'Machine, 8 h', 'WD8', '31', '', ''] });
    const b = setCells(a, 'resources', base, set('b0', 3, '30'));
    expect(editCount(b)).toBe(0);
    expect(b.tables.resources).toBeUndefined();
  });

  it('adds rows after the last, removes added rows outright and marks base rows removed', () => {
    const { state, ids } = addRows(EMPTY_EDITS, 'resources', [['N1', '', 'WD8', '5', '', ''], ['N2', '', 'WD8', '6', '', '']]);
    expect(ids).toEqual(['n0', 'n1']);
    const s = deleteRows(state, 'resources', ['n0', 'b2']);
    const rows = gridRows(base, s.tables.resources);
    expect(rows.map((r) => [r.id, r.state, r.number])).toEqual([
      ['b0', 'base', 1],
      ['b1', 'base', 2],
      ['b2', 'deleted', 3],
      ['n1', 'new', 4],
    ]);
    const { edits, insertIds } = toContractEdits(s);
    expect(edits).toEqual([{ table: 'resources', updates: [], inserts: [{ resource_id: 'N2', name: '', calendar_id: 'WD8', cost_per_hour: '6', overtime_hours_per_day: '', overtime_cost_per_hour: '' }], deletes: [2] }]);
    expect(insertIds).toEqual({ resources: ['n1'] });
  });

  it('places the issues of a save on the grid rows they belong to', () => {
    const { state } = addRows(EMPTY_EDITS, 'resources', [['M8', '', 'WD8', '5', '', '']]);
    const { edits, insertIds } = toContractEdits(state);
    const r = applyEdits(wb, edits);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(placeIssues(r.issues, insertIds)).toEqual([{ table: 'resources', rowId: 'n0', column: 'resource_id', message: expect.stringMatching(/^duplicate key resource_id M8/) }]);
  });
});

describe('pasting a block', () => {
  it('fills down and right from the active cell, adds rows past the end, leaves out what is past the last column', async () => {
    const { pasteBlock } = await import('../../../renderer/screens/tables/grid-paste');
    const rows = gridRows(base, deleteRows(EMPTY_EDITS, 'resources', ['b1']).tables.resources);
    const p = pasteBlock('a\tb\tc\td\tx\tY\tZ\nskip\nnew\t\n', rows, 0, 1, 6);
    expect(p.changes).toEqual(new Map([['b0', new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'x']])], ['b2', new Map([[1, 'new'], [2, '']])]]));
    expect(p.added).toEqual([]);
    expect(p.message).toBe('Pasted 3 rows. 2 cells past the last column were left out. 1 removed row was skipped.');
    const q = pasteBlock('r1\nr2\nr3\nr4', rows, 2, 0, 6);
    expect(q.added).toEqual([['r2', '', '', '', '', ''], ['r3', '', '', '', '', ''], ['r4', '', '', '', '', '']]);
    expect(q.message).toBe('Pasted 4 rows, 3 of them as new rows.');
  });
});
