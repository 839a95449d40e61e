/** Databases with the promise plant (test/fixtures/promise-plant.ts) for the promise tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { deskOver, openDesk as openDeskAt, type Desk as PromiseDesk } from '../../../main/desk/open-desk';
import { importFromPath } from '../../../main/services/workbook-service';
import { Clock, FAST, TODAY, writePromisePlant } from '../../fixtures/promise-plant';
import { LOCAL_ACTOR } from '../../../shared/rules/roles';

export { Clock, FAST, TODAY, request } from '../../fixtures/promise-plant';

export const dir = mkdtempSync(join(tmpdir(), 'promise-plant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
export const plantDir = writePromisePlant(dir);

let n = 0;
export function dbPath(): string {
  return join(dir, `p${++n}.db`);
}

export type Desk = PromiseDesk & { path: string; clock: Clock };

/** A new database with the plant imported. */
export async function openDesk(clock = new Clock(), path = dbPath()): Promise<Desk> {
  const desk = await openDeskAt(path, { now: clock.now, scryptCost: FAST });
  if ((await desk.checks.store.dataVersion()) === null) {
    const r = await importFromPath(desk.checks.store, plantDir, { asOf: TODAY, actor: LOCAL_ACTOR });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  }
  return Object.assign(desk, { path, clock });
}

/** A second connection to the same database file. */
export async function secondConnection(path: string, clock: Clock): Promise<PromiseDesk> {
  return deskOver(SqliteStore.open(path), { now: clock.now, scryptCost: FAST });
}
