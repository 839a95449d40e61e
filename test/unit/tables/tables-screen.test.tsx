// @vitest-environment jsdom
/**
 * The Tables screen against the real operations services on a temporary database (the shared
 * small plant), through the real contract dispatch: found by role and label as a person would.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../main/access/authorize';
import { operationsHandlers } from '../../../main/handlers/operations';
import { ApiContext } from '../../../renderer/hooks/use-api';
import { SessionContext } from '../../../renderer/hooks/use-session';
import { dispatch } from '../../../main/handlers/dispatch';
import { TablesScreen } from '../../../renderer/screens/tables/tables-screen';
import { fakeApi, fakeHandlers } from '../../fakes/fake-context';
import { contextOn } from '../../support/desk';
import { openHarness, type Harness } from '../../support/operations-harness';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
let h: Harness;

beforeEach(async () => {
  h = await openHarness(dir);
});
afterEach(async () => {
  cleanup();
  await h.close();
});

const SALES = { mode: 'signed_in' as const, user: { name: 'sam', role: 'sales' as const }, idle_minutes: 30, may: { administer_users: false, edit_operations: false, fulfil: false, approve_for: [] } };

async function setup(session: typeof SALES | null = null) {
  const api = fakeApi(contextOn(h, { actor: async () => LOCAL_ACTOR }), { ...fakeHandlers(), ...operationsHandlers });
  const user = userEvent.setup();
  render(
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={{ session, refresh: () => undefined, set: () => undefined }}>
        <TablesScreen />
      </SessionContext.Provider>
    </ApiContext.Provider>,
  );
  const grid = await screen.findByRole('grid', { name: 'resources table' });
  return { user, grid, api };
}

// A cell's name is its column, its row and its value: "cost_per_hour, row 1: 30".
const cellName = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `);
const cell = (grid: HTMLElement, name: string) => within(grid).getByRole('gridcell', { name: cellName(name) });

async function editCell(user: ReturnType<typeof userEvent.setup>, grid: HTMLElement, name: string, text: string) {
  await user.dblClick(cell(grid, name));
  const input = within(grid).getByRole('textbox', { name: `Edit ${name}` });
  await user.clear(input);
  if (text) await user.type(input, text);
  await user.keyboard('{Enter}');
}

const text = (el: Element) => el.textContent ?? '';
const description = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

describe('the table grid', () => {
  it('shows a bad cell with the importer’s reason and will not save it', async () => {
    const { user, grid } = await setup();
    expect(text(cell(grid, 'cost_per_hour, row 1'))).toContain('30');
    await editCell(user, grid, 'cost_per_hour, row 1', '-5');
    const bad = cell(grid, 'cost_per_hour, row 1');
    await waitFor(() => expect((bad).getAttribute('aria-invalid')).toBe('true'));
    expect(description(bad)).toBe('must be a non-negative number, got "-5"');
    expect(screen.getByRole('heading', { name: /1 problem: nothing is saved/ })).toBeTruthy();
    expect((screen.getByRole<HTMLButtonElement>('button', { name: 'Save 1 change' })).disabled).toBe(true);
    // Fixing it clears the problem and allows saving.
    await editCell(user, grid, 'cost_per_hour, row 1', '31.5');
    await waitFor(() => expect((cell(grid, 'cost_per_hour, row 1')).hasAttribute('aria-invalid')).toBe(false));
    expect((screen.getByRole<HTMLButtonElement>('button', { name: 'Save 1 change' })).disabled).toBe(false);
  });

  it('undoes an edit in one step, Escape drops one being typed', async () => {
    const { user, grid } = await setup();
    await editCell(user, grid, 'cost_per_hour, row 1', '44');
    expect(text(cell(grid, 'cost_per_hour, row 1'))).toBe('44');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(text(cell(grid, 'cost_per_hour, row 1'))).toBe('30');
    expect((screen.getByRole<HTMLButtonElement>('button', { name: 'Undo' })).disabled).toBe(true);
    await user.dblClick(cell(grid, 'name, row 2'));
    await user.type(within(grid).getByRole('textbox', { name: 'Edit name, row 2' }), ' extra');
    await user.keyboard('{Escape}');
    expect(text(cell(grid, 'name, row 2'))).toBe('Machine 7.5 h');
    expect((screen.getByRole<HTMLButtonElement>('button', { name: /^Save/ })).disabled).toBe(true);
  });

  it('refuses a reference that points nowhere, at the cell that makes it', async () => {
    const { user, grid } = await setup();
    await editCell(user, grid, 'calendar_id, row 2', 'NOPE');
    const bad = cell(grid, 'calendar_id, row 2');
    await waitFor(() => expect((bad).getAttribute('aria-invalid')).toBe('true'));
    expect(description(bad)).toBe('calendar NOPE does not exist');
    expect((screen.getByRole<HTMLButtonElement>('button', { name: /^Save/ })).disabled).toBe(true);
  });

  it('shows where removing a row breaks another table, and can go there', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'name, row 1'));
    await user.click(screen.getByRole('button', { name: 'Remove the selected row' }));
    const problems = await screen.findByRole('region', { name: /1 problem/ });
    expect(text(problems)).toContain('Routings, row 1 of Routings, resource_id: resource M8 does not exist');
    await user.click(within(problems).getByRole('button', { name: /Routings, row 1/ }));
    const routings = await screen.findByRole('grid', { name: 'routings table' });
    await waitFor(() => expect((cell(routings, 'resource_id, row 1')).getAttribute('aria-invalid')).toBe('true'));
  });

  it('saves edits of many rows at once, with a new data version, and records them', async () => {
    const { user, grid } = await setup();
    const before = (await h.store.dataVersion())!;
    await editCell(user, grid, 'cost_per_hour, row 1', '32');
    await editCell(user, grid, 'name, row 3', 'Spare machine');
    await user.click(screen.getByRole('button', { name: 'Save 2 changes' }));
    const saved = await screen.findByText(/^Saved as data version/);
    const after = (await h.store.dataVersion())!;
    expect(after).not.toBe(before);
    expect(text(saved)).toContain(`Saved as data version ${after} (2 changed, 0 added, 0 removed).`);
    const history = await h.ops.listHistory({ table: 'resources', user: 'local' });
    expect(history.filter((e) => e.op === 'change').map((e) => e.key).sort()).toEqual(['M8', 'OFF']);
    expect(text(cell(await screen.findByRole('grid', { name: 'resources table' }), 'name, row 3'))).toContain('Spare machine');
  });

  it('pastes a block copied from a spreadsheet, adding rows past the end, and undoes it', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'name, row 2'));
    fireEvent.paste(grid, { clipboardData: { getData: () => 'Lathe\tWD8\nIdle one\tZERO\nNight shift\tWD8\n' } });
    expect(text(cell(grid, 'name, row 2'))).toContain('Lathe');
    expect(text(cell(grid, 'calendar_id, row 2'))).toContain('WD8');
    expect(text(cell(grid, 'name, row 3'))).toContain('Idle one');
    // The third row is new: its resource_id is empty, so it is reported as required.
    const added = cell(grid, 'name, new row 1');
    expect(text(added)).toContain('Night shift');
    await waitFor(() => expect((cell(grid, 'resource_id, new row 1')).getAttribute('aria-invalid')).toBe('true'));
    expect(description(cell(grid, 'resource_id, new row 1'))).toBe('is required');
    expect(screen.getByText(/^Pasted 3 rows, 1 of them as new rows\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(text(cell(grid, 'name, row 2'))).toContain('Machine 7.5 h');
    expect(within(grid).queryByRole('gridcell', { name: cellName('name, new row 1') })).toBeNull();
  });

  it('sorts, filters and finds', async () => {
    const { user, grid } = await setup();
    await user.click(within(grid).getByRole('columnheader', { name: /^cost_per_hour/ }));
    expect((within(grid).getByRole('columnheader', { name: /^cost_per_hour/ })).getAttribute('aria-sort')).toBe('ascending');
    const firstRowCells = () => within(grid).getAllByRole('row')[2]!;
    expect(text(firstRowCells())).toContain('OFF');
    await user.type(within(grid).getByRole('searchbox', { name: 'Filter calendar_id' }), 'wd');
    await waitFor(() => expect(screen.getByText('2 of 3 rows shown (filtered)')).toBeTruthy());
    await user.type(screen.getByRole('searchbox', { name: 'Find' }), 'machine');
    await user.keyboard('{Enter}');
    expect(screen.getByText('1 of 2')).toBeTruthy();
  });

  it('offers no editing to a salesperson, and the main process refuses their save anyway', async () => {
    const { user, grid } = await setup(SALES);
    expect(grid.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Add row' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Save/ })).toBeNull();
    await user.dblClick(cell(grid, 'cost_per_hour, row 1'));
    expect(within(grid).queryByRole('textbox')).toBeNull();
    expect(screen.getByText(/Only operations and admin change these tables/)).toBeTruthy();

    const sales = contextOn(h, { actor: async () => ({ name: 'sam', role: 'sales' }) });
    const r = await dispatch('tables:save', { base_version: (await h.store.dataVersion())!, edits: [{ table: 'inventory', updates: [], inserts: [{ sku: 'FG', on_hand: '1' }], deletes: [] }] }, sales);
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'sam (sales) may not change the operations tables (operations and admin only).' } });
  });
});
