/**
 * Both stores behind one face for the store test suites: a fresh SQLite file or a fresh database
 * on the shared throw-away PostgreSQL, with the three stores and a way to run raw SQL (tests that
 * tamper with rows to prove they are parsed on the way back).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { OperationsStore } from '../../main/db/operations-store';
import type { PeopleStore } from '../../main/db/people-store';
import { SqliteStore } from '../../main/db/sqlite-store';
import type { Store } from '../../main/db/store';
import { freshTeamDatabase, hasPostgres } from './postgres';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreUnderTest {
  kind: StoreKind;
  store: Store;
  people: PeopleStore;
  operations: OperationsStore;
  /** Runs SQL on the database directly (no parameters). */
  exec(sql: string): Promise<void>;
  /** Marks a promise at risk with reasons, written the way each database keeps them. */
  setAtRisk(id: string, reasons: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** The kinds to run a suite on: both, or SQLite alone where PostgreSQL is not installed (never under CI). */
export function storeKinds(): StoreKind[] {
  return hasPostgres() ? ['sqlite', 'postgres'] : ['sqlite'];
}

let dir: string | null = null;
let n = 0;

export async function openStoreUnderTest(kind: StoreKind): Promise<StoreUnderTest> {
  if (kind === 'sqlite') {
    if (!dir) {
      const d = (dir = mkdtempSync(join(tmpdir(), 'promise-store-')));
      afterAll(() => rmSync(d, { recursive: true, force: true }));
    }
    const store = SqliteStore.open(join(dir, `s${++n}.db`));
    return {
      kind,
      store,
      people: store.people,
      operations: store.operations,
      exec: async (sql) => void store.db.exec(sql),
      setAtRisk: async (id, reasons) => void store.db.prepare('UPDATE promises SET at_risk = 1, risk_reasons_json = ? WHERE id = ?').run(JSON.stringify(reasons), id),
      close: () => store.close(),
    };
  }
  const t = await freshTeamDatabase();
  return {
    kind,
    store: t.store,
    people: t.people,
    operations: t.operations,
    exec: async (sql) => void (await t.store.pool.query(sql)),
    setAtRisk: async (id, reasons) => void (await t.store.pool.query('UPDATE promises SET at_risk = true, risk_reasons = $1 WHERE id = $2', [JSON.stringify(reasons), id])),
    close: () => t.store.close(),
  };
}
