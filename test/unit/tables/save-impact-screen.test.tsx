// @vitest-environment jsdom
/**
 * The damage before saving, on the Tables screen against the real services: an edit that would
 * put a promise at risk shows it with its reasons first; Go back keeps the edit unsaved; Save
 * anyway saves. An edit that changes no promise's risk saves at once.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../main/access/authorize';
import { operationsHandlers } from '../../../main/handlers/operations';
import { ApiContext } from '../../../renderer/hooks/use-api';
import { SessionContext } from '../../../renderer/hooks/use-session';
import { TablesScreen } from '../../../renderer/screens/tables/tables-screen';
import { fakeApi, fakeHandlers } from '../../fakes/fake-context';
import { contextOn } from '../../support/desk';
import { confirmAs } from '../../support/confirm';
import { openHarness, type Harness } from '../../support/operations-harness';
import { AS_OF, line, request } from '../../support/plant';
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

async function setup() {
  const api = fakeApi(contextOn(h, { actor: async () => LOCAL_ACTOR }), { ...fakeHandlers(), ...operationsHandlers });
  const user = userEvent.setup();
  render(
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={{ session: null, refresh: () => undefined, set: () => undefined }}>
        <TablesScreen />
      </SessionContext.Provider>
    </ApiContext.Provider>,
  );
  const grid = await screen.findByRole('grid', { name: 'resources table' });
  const edit = async (name: string, text: string) => {
    await user.dblClick(within(grid).getByRole('gridcell', { name: new RegExp(`^${name}: `) }));
    const input = within(grid).getByRole('textbox', { name: `Edit ${name}` });
    await user.clear(input);
    await user.type(input, text);
    await user.keyboard('{Enter}');
  };
  return { user, edit };
}

describe('saving the tables shows the damage first', () => {
  it('names the promise that would become at risk with its reasons; Go back keeps the edit; Save anyway saves it', async () => {
    // M8 makes 4 FG a day. A: 8 by Wednesday, then B: 8 by Friday; both fit.
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    if (!a.ok || !b.ok) throw new Error('the promises were refused');
    const before = (await h.store.dataVersion())!;
    const { user, edit } = await setup();
    // On 7.5 h a day M8 makes 3 a day: B no longer fits.
    await edit('calendar_id, row 1', 'WD75');
    await user.click(await screen.findByRole('button', { name: 'Save 1 change' }));

    const panel = await screen.findByRole('region', { name: 'Before you go on: 1 promise would become at risk.' });
    const become = within(panel).getByRole('region', { name: 'Would become at risk' });
    expect(become.textContent).toContain(`${b.id} for Acme GmbH`);
    expect(become.textContent).toMatch(/FG: /);
    expect(become.textContent).not.toContain(a.id);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('1 promise would become at risk'));
    expect(await h.store.dataVersion()).toBe(before);

    await user.click(within(panel).getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('region', { name: /Before you go on/ })).toBeNull();
    expect(within(screen.getByRole('grid', { name: 'resources table' })).getByRole('gridcell', { name: /^calendar_id, row 1: / }).textContent).toContain('WD75');
    expect(await h.store.dataVersion()).toBe(before);
    expect(await h.store.listPromises({ atRisk: true })).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save 1 change' }));
    await user.click(within(await screen.findByRole('region', { name: /Before you go on/ })).getByRole('button', { name: 'Save anyway' }));
    expect((await screen.findByText(/^Saved as data version/)).textContent).toContain(`1 is now at risk (${b.id})`);
    expect((await h.store.listPromises({ atRisk: true })).map((p) => p.id)).toEqual([b.id]);
  });

  it('saves at once when no promise changes its risk', async () => {
    const before = (await h.store.dataVersion())!;
    const { user, edit } = await setup();
    await edit('cost_per_hour, row 1', '31');
    await user.click(await screen.findByRole('button', { name: 'Save 1 change' }));
    await screen.findByText(/^Saved as data version/);
    expect(await h.store.dataVersion()).not.toBe(before);
  });
});
