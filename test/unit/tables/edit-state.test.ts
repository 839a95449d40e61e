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
