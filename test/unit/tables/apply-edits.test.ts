import { describe, expect, it } from 'vitest';
import { applyEdits, isEmptyEdit } from '../../../shared/edits/apply-edits';
import { parseRow, rowToCells } from '../../../shared/edits/cells';
import { plant } from '../../support/plant';

const wb = plant();
const cellsOf = (i: number) => rowToCells('resources', wb.resources[i]!);

describe('table edits', () => {
  it('applies a changed cell, an added and a removed row', () => {
    const r = applyEdits(wb, [
      { table: 'resources', updates: [{ index: 0, cells: { ...cellsOf(0), cost_per_hour: '35.50' } }], inserts: [{ ...cellsOf(1), resource_id: 'M9' }], deletes: [2] },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changed).toEqual(['resources']);
    expect(r.workbook.resources.map((x) => [x.resource_id, x.cost_per_hour])).toEqual([
      ['M8', '35.5'],
      ['M75', '40'],
      ['M9', '40'],
    ]);
    expect(wb.resources).toHaveLength(3); // the base is not mutated
  });

  it('reports a bad cell with the importer’s reason, at its row and column', () => {
    const r = applyEdits(wb, [{ table: 'resources', updates: [{ index: 1, cells: { ...cellsOf(1), cost_per_hour: '12.123456' } }], inserts: [], deletes: [] }]);
    expect(r).toEqual({ ok: false, issues: [{ table: 'resources', ref: { kind: 'base', index: 1 }, column: 'cost_per_hour', message: 'must have at most 4 decimals, got 12.123456' }] });
  });

  it('refuses an edit that breaks a reference, naming the row that now points nowhere', () => {
    // Removing M8 leaves the routing FG → M8 pointing at nothing.
    const r = applyEdits(wb, [{ table: 'resources', updates: [], inserts: [], deletes: [0] }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ table: 'routings', ref: { kind: 'base', index: 0 }, column: 'resource_id', message: 'resource M8 does not exist' }]);
  });

  it('refuses a duplicate key on an added row', () => {
    const r = applyEdits(wb, [{ table: 'resources', updates: [], inserts: [cellsOf(0)], deletes: [] }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ table: 'resources', ref: { kind: 'new', n: 0 }, column: 'resource_id' });
    expect(r.issues[0]!.message).toMatch(/duplicate key resource_id M8/);
  });

  it('places a rule problem on the row the person sees, past removed rows and added rows that did not parse', () => {
    const cal = (i: number) => rowToCells('calendars', wb.calendars[i]!);
    // ALL (row 4) removed, MWF (row 5) renamed WD8; a bad added row, then an added WD8.
    const r = applyEdits(wb, [
      { table: 'calendars', updates: [{ index: 4, cells: { ...cal(4), calendar_id: 'WD8' } }], inserts: [{ ...cal(0), calendar_id: 'NEW', mon: 'x' }, cal(0)], deletes: [3] },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.ref, i.column])).toEqual([
      [{ kind: 'new', n: 0 }, 'mon'],
      [{ kind: 'base', index: 4 }, 'calendar_id'],
      [{ kind: 'new', n: 1 }, 'calendar_id'],
    ]);
  });

  it('checks a policy value against its key, as the importer does', () => {
    const p = parseRow('policy', { key: 'horizon_days', value: 'soon' });
    expect(p).toEqual({ ok: false, issues: [{ column: 'value', message: 'must be a whole number, got "soon"' }] });
  });

  it('refuses rows that are not there', () => {
    const r = applyEdits(wb, [{ table: 'calendars', updates: [{ index: 9, cells: {} }], inserts: [], deletes: [-1] }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message)).toEqual(['there is no row 0 to remove', 'there is no row 10 to change']);
  });

  it('knows an empty edit', () => {
    expect(isEmptyEdit([{ table: 'calendars', updates: [], inserts: [], deletes: [] }])).toBe(true);
  });
});
