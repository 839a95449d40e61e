// @vitest-environment jsdom
/**
 * The grid as a spreadsheet user drives it, on the real operations services over a temporary
 * database (the shared small plant): one tab stop, ranges by Shift+arrows and the mouse, copy as
 * tab-separated text, fill down, undo and redo, Ctrl+S and Ctrl+F, numbers right-aligned, each
 * column's meaning; and unsaved edits that are not lost without a question.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../main/access/authorize';
import { operationsHandlers } from '../../../main/handlers/operations';
import { LeaveDialog } from '../../../renderer/components/leave-dialog';
import { ApiContext } from '../../../renderer/hooks/use-api';
import { SessionContext } from '../../../renderer/hooks/use-session';
import { go } from '../../../renderer/navigation';
import { TablesScreen } from '../../../renderer/screens/tables/tables-screen';
import { fakeApi, fakeHandlers } from '../../fakes/fake-context';
import { contextOn } from '../../support/desk';
import { openHarness, type Harness } from '../../support/operations-harness';
import { tempDir } from '../db/temp-db';

const dir = tempDir();
let h: Harness;
beforeEach(async () => {
  h = await openHarness(dir);
  window.location.hash = '#/tables';
});
afterEach(async () => {
  cleanup();
  await h.close();
});

async function setup() {
  const api = fakeApi(contextOn(h, { actor: async () => LOCAL_ACTOR }), { ...fakeHandlers(), ...operationsHandlers });
  const user = userEvent.setup();
  render(
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={{ session: null, refresh: () => undefined, set: () => undefined }}>
        <TablesScreen />
        <LeaveDialog />
      </SessionContext.Provider>
    </ApiContext.Provider>,
  );
  const grid = await screen.findByRole('grid', { name: 'resources table' });
  return { user, grid };
}

const cellName = (name: string) => new RegExp(`^${name}: `);
const cell = (grid: HTMLElement, name: string) => within(grid).getByRole('gridcell', { name: cellName(name) });
const text = (el: Element) => el.textContent ?? '';
const copied = (grid: HTMLElement) => {
  let out = '';
  fireEvent.copy(document.activeElement ?? grid, { clipboardData: { setData: (_t: string, v: string) => (out = v) } });
  return out;
};

describe('the grid, as a spreadsheet', () => {
  it('is one tab stop: Tab enters at the active cell and leaves the grid at the next Tab', async () => {
    const { user, grid } = await setup();
    const tabbable = () => [...grid.querySelectorAll<HTMLElement>('[tabindex], input, button')].filter((e) => e.tabIndex >= 0);
    expect(tabbable()).toHaveLength(1);
    await user.click(cell(grid, 'name, row 2'));
    await user.keyboard('{ArrowRight}{ArrowUp}');
    expect(document.activeElement).toBe(cell(grid, 'calendar_id, row 1'));
    expect(tabbable()).toEqual([cell(grid, 'calendar_id, row 1')]);
    // Up from the first row: the filters, then the column names, all inside the one tab stop.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(within(grid).getByRole('searchbox', { name: 'Filter calendar_id' }));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(within(grid).getByRole('columnheader', { name: /^calendar_id/ }));
    expect(tabbable()).toHaveLength(1);
    await user.tab();
    expect(grid.contains(document.activeElement)).toBe(false);
  });

  it('names each cell with its value, aligns numbers right and tells what each column means', async () => {
    const { grid } = await setup();
    expect(cell(grid, 'cost_per_hour, row 1').getAttribute('aria-label')).toBe('cost_per_hour, row 1: 30');
    expect(cell(grid, 'overtime_hours_per_day, row 1').getAttribute('aria-label')).toBe('overtime_hours_per_day, row 1: empty');
    expect(cell(grid, 'cost_per_hour, row 1').classList.contains('num')).toBe(true);
    expect(cell(grid, 'name, row 1').classList.contains('num')).toBe(false);
    const head = within(grid).getByRole('columnheader', { name: 'cost_per_hour' });
    expect(head.getAttribute('title')).toMatch(/^Cost of one regular hour\. Example: 45\./);
    expect(document.getElementById(head.getAttribute('aria-describedby')!)?.textContent).toBe('Cost of one regular hour.');
  });

  it('selects a range with Shift+arrows and copies it as tab-separated text', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'resource_id, row 1'));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowRight}{ArrowRight}{/Shift}');
    expect(screen.getByText(/2 rows × 3 columns selected \(resource_id to calendar_id\)/)).toBeTruthy();
    expect(cell(grid, 'name, row 2').getAttribute('aria-selected')).toBe('true');
    expect(cell(grid, 'name, row 3').getAttribute('aria-selected')).toBe('false');
    expect(copied(grid)).toBe('M8\tMachine, 8 h\tWD8\nM75\tMachine 7.5 h\tWD75\n');
    // A plain arrow leaves the range: one cell again.
    await user.keyboard('{ArrowDown}');
    expect(copied(grid)).toBe('ZERO\n');
  });

  it('selects a range by dragging the mouse, and by Shift+click', async () => {
    const { user, grid } = await setup();
    fireEvent.mouseDown(cell(grid, 'cost_per_hour, row 1'), { button: 0 });
    fireEvent.mouseEnter(cell(grid, 'cost_per_hour, row 2'), { buttons: 1 });
    fireEvent.mouseEnter(cell(grid, 'cost_per_hour, row 3'), { buttons: 1 });
    fireEvent.mouseUp(document);
    expect(copied(grid)).toBe('30\n40\n10\n');
    await user.click(cell(grid, 'resource_id, row 2'));
    await user.keyboard('{Shift>}');
    await user.click(cell(grid, 'name, row 3'));
    await user.keyboard('{/Shift}');
    expect(copied(grid)).toBe('M75\tMachine 7.5 h\nOFF\tIdle\n');
  });

  it('fills down with Ctrl+D, undoes with Ctrl+Z and redoes with Ctrl+Y and Ctrl+Shift+Z', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'calendar_id, row 1'));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{ArrowRight}{/Shift}');
    await user.keyboard('{Control>}d{/Control}');
    const values = () => ['calendar_id', 'cost_per_hour'].flatMap((c) => [1, 2, 3].map((r) => text(cell(grid, `${c}, row ${r}`))));
    expect(values()).toEqual(['WD8', 'WD8', 'WD8', '30', '30', '30']);
    expect(screen.getByText('Filled down 2 rows.')).toBeTruthy();
    await user.keyboard('{Control>}z{/Control}');
    expect(values()).toEqual(['WD8', 'WD75', 'ZERO', '30', '40', '10']);
    await user.keyboard('{Control>}y{/Control}');
    expect(values()).toEqual(['WD8', 'WD8', 'WD8', '30', '30', '30']);
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(values()).toEqual(['WD8', 'WD8', 'WD8', '30', '30', '30']);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Redo' }).disabled).toBe(true);
  });

  it('empties a whole range with Delete, as one undo step', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'name, row 2'));
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}{Delete}');
    expect([text(cell(grid, 'name, row 2')), text(cell(grid, 'name, row 3'))]).toEqual(['', '']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect([text(cell(grid, 'name, row 2')), text(cell(grid, 'name, row 3'))]).toEqual(['Machine 7.5 h', 'Idle']);
  });

  it('saves with Ctrl+S, and says why when there is nothing it may save', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'cost_per_hour, row 1'));
    await user.keyboard('{Control>}s{/Control}');
    expect(screen.getByText('Nothing to save.')).toBeTruthy();
    await user.keyboard('33{Enter}');
    await user.keyboard('{Control>}s{/Control}');
    await screen.findByText(/^Saved as data version/);
    expect((await h.ops.listHistory({ table: 'resources', user: 'local' })).some((e) => e.op === 'change' && e.key === 'M8')).toBe(true);
  });

  it('goes to Find with Ctrl+F, and back to the grid with Escape', async () => {
    const { user, grid } = await setup();
    await user.click(cell(grid, 'name, row 3'));
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Find' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(cell(grid, 'name, row 3')));
  });

  it('changes a column’s width with Ctrl+arrows on its name', async () => {
    const { user, grid } = await setup();
    const width = () => grid.style.getPropertyValue('--grid-cols').split(' ')[2];
    const before = width();
    within(grid).getByRole('columnheader', { name: /^name/ }).focus();
    await user.keyboard('{Control>}{ArrowRight}{ArrowRight}{/Control}');
    expect(Number.parseInt(width()!)).toBe(Number.parseInt(before!) + 32);
  });
});

describe('unsaved edits', () => {
  it('are not left behind on a screen change without a question', async () => {
    const { user, grid } = await setup();
    await user.dblClick(cell(grid, 'cost_per_hour, row 1'));
    await user.keyboard('{Control>}a{/Control}35{Enter}');
    act(() => go('check'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(text(dialog)).toContain('1 unsaved change to the tables would be lost.');
    expect(window.location.hash).toBe('#/tables');
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(window.location.hash).toBe('#/tables');
    act(() => go('check'));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Leave and lose them' }));
    expect(window.location.hash).toBe('#/check');
  });

  it('hold a reload or a closing window with the browser’s question, and only while there are some', async () => {
    const { user, grid } = await setup();
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await user.click(cell(grid, 'name, row 2'));
    await user.keyboard('{Delete}');
    expect(unload()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(unload()).toBe(false);
    act(() => go('check'));
    expect(window.location.hash).toBe('#/check');
  });
});
