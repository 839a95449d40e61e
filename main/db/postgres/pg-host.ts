/** What the operations and people stores use of the PostgreSQL store they share a pool with. */
import type pg from 'pg';
import type { Workbook } from '../../../shared/schemas/workbook';
import type { ImportMeta, ImportOutcome, Revalidate } from '../store-types';
import type { ChangeTx } from './connection';
import type { ColumnTypes } from './pg-plant';

export interface PgHost {
  readonly pool: pg.Pool;
  tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T>;
  change<T extends { ok: boolean }>(fn: (c: pg.PoolClient, tx: ChangeTx) => Promise<T>): Promise<T>;
  columnTypes(c: pg.ClientBase): Promise<ColumnTypes>;
  importIn(c: pg.PoolClient, workbook: Workbook, meta: ImportMeta, revalidate: Revalidate): Promise<ImportOutcome>;
}
