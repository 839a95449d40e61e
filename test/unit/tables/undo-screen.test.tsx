// @vitest-environment jsdom
/**
 * Undo from History against the real services: the change's undo shows the promises it would
 * take out of risk first, Go back changes nothing, and the undo is then saved as a new change.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../main/access/authorize';
import { operationsHandlers } from '../../../main/handlers/operations';
import { saveTableEdits } from '../../../main/services/table-edit-service';
import { rowToCells } from '../../../shared/edits/cells';
import { ApiContext } from '../../../renderer/hooks/use-api';
import { SessionContext } from '../../../renderer/hooks/use-session';
import { HistoryScreen } from '../../../renderer/screens/history/history-screen';
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

describe('undo a change from History', () => {
  it('shows the promises it would take out of risk, goes back without a change, then undoes it as a new change', async () => {
    const a = await confirmAs(h.checks, request(line('FG', 8, '2026-03-04')), AS_OF);
    const b = await confirmAs(h.checks, request(line('FG', 8, '2026-03-06')), AS_OF);
    if (!a.ok || !b.ok) throw new Error('refused');
    const cal = (await h.checks.loadPlant())!.workbook.calendars[0]!;
    const cut = await saveTableEdits(h, LOCAL_ACTOR, (await h.store.dataVersion())!, [{ table: 'calendars', updates: [{ index: 0, cells: { ...rowToCells('calendars', cal), mon: '6', tue: '6', wed: '6', thu: '6', fri: '6' } }], inserts: [], deletes: [] }], { asOf: AS_OF });
    if (!cut.ok) throw new Error('refused');

    const user = userEvent.setup();
    const api = fakeApi(contextOn(h, { actor: async () => LOCAL_ACTOR }), { ...fakeHandlers(), ...operationsHandlers });
    render(
      <ApiContext.Provider value={api}>
        <SessionContext.Provider value={{ session: null, refresh: () => undefined, set: () => undefined }}>
          <HistoryScreen />
        </SessionContext.Provider>
      </ApiContext.Provider>,
    );
    await user.click(await screen.findByRole('button', { name: `Undo change #${cut.change.id}` }));
    const panel = screen.getByRole('region', { name: `Undo change #${cut.change.id}: edit of calendars (1 row)` });
    await user.click(within(panel).getByRole('button', { name: 'See what undoing it does' }));
    const impact = await within(panel).findByRole('region', { name: 'Before you go on: 1 promise would no longer be at risk.' });
    expect(within(impact).getByRole('region', { name: /Would no longer be at risk/ }).textContent).toContain(`${b.id} for Acme GmbH`);
    const version = await h.store.dataVersion();
    await user.click(within(impact).getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('region', { name: /Undo change #/ })).toBeNull();
    expect(await h.store.dataVersion()).toBe(version);

    await user.click(screen.getByRole('button', { name: `Undo change #${cut.change.id}` }));
    const again = screen.getByRole('region', { name: /Undo change #/ });
    await user.click(within(again).getByRole('button', { name: 'See what undoing it does' }));
    await user.click(await within(again).findByRole('button', { name: 'Undo this change' }));
    expect((await within(again).findByRole('status')).textContent).toMatch(/^Undone as change #\d+ .*none is at risk\.$/);
    expect(await h.store.listPromises({ atRisk: true })).toEqual([]);
    expect((await h.checks.loadPlant())!.workbook.calendars[0]!.mon).toBe('8');
    const [last] = await h.ops.listChanges();
    expect(last!.source).toBe(`undo of change #${cut.change.id} (the edit of calendars (1 row))`);
  });
});
