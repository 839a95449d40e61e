import { describe, expect, it } from 'vitest';
import { baseCells, gridRows } from '../../../renderer/screens/tables/edit-state';
import { fromContract } from '../../../renderer/screens/tables/loaded-tables';
import type { TablesData } from '../../../shared/contract-operations';
import { TABLE_NAMES, TABLES } from '../../../shared/schemas/workbook';
import { plant } from '../../support/plant';

/** The tables as `tables:load` answers them. */
function answer(version: string, wb = plant()): TablesData {
  const tables: TablesData['tables'] = {};
  for (const t of TABLE_NAMES) tables[t] = (wb[t] as Record<string, string | number | null>[]).map((r) => TABLES[t].columns.map((c) => r[c] ?? null));
  return { data_version: version, tables };
}

describe('loaded tables', () => {
  it('holds every row with every column (empty as null) and its cells as the grid shows them', () => {
    const l = fromContract(answer('v1'));
    expect(l.dataVersion).toBe('v1');
    expect(l.workbook.resources[0]).toEqual({ resource_id: 'M8', name: 'Machine, 8 h', calendar_id: 'WD8', cost_per_hour: '30', overtime_hours_per_day: null, overtime_cost_per_hour: null });
    for (const t of TABLE_NAMES) expect(l.cells[t]).toEqual(baseCells(l.workbook, t));
  });

  it('keeps the rows (and tables) it held where they are the same, and builds the changed ones', () => {
    const before = fromContract(answer('v1'));
    const wb = plant();
    wb.resources[1] = { ...wb.resources[1]!, cost_per_hour: '41' };
    const after = fromContract(answer('v2', wb), before);
    expect(after.dataVersion).toBe('v2');
    expect(after.workbook.resources[0]).toBe(before.workbook.resources[0]);
    expect(after.cells.resources[2]).toBe(before.cells.resources[2]);
    expect(after.workbook.resources[1]).toMatchObject({ resource_id: 'M75', cost_per_hour: '41' });
    expect(after.cells.resources[1]).toEqual(['M75', 'Machine 7.5 h', 'WD75', '41', '', '']);
    expect(after.workbook.calendars).toBe(before.workbook.calendars);
    expect(after.cells.calendars).toBe(before.cells.calendars);
    // The same values as a first load, whatever was kept.
    expect(after).toEqual(fromContract(answer('v2', wb)));
  });

  it('shows an unedited row as the same grid row while its cells and place stay', () => {
    const l = fromContract(answer('v1'));
    const first = gridRows(l.cells.resources, undefined);
    const edited = gridRows(l.cells.resources, { updates: new Map([[1, ['M75', 'x', 'WD75', '40', '', '']]]), inserts: [], deletes: new Set([2]) });
    expect(edited[0]).toBe(first[0]);
    expect(edited[1]).toMatchObject({ id: 'b1', state: 'changed', cells: ['M75', 'x', 'WD75', '40', '', ''] });
    expect(edited[2]).toMatchObject({ id: 'b2', state: 'deleted' });
    expect(gridRows(l.cells.resources, undefined)).toEqual(first);
    expect(gridRows(l.cells.resources, undefined)[2]).toEqual({ id: 'b2', number: 3, cells: l.cells.resources[2], state: 'base' });
  });
});
