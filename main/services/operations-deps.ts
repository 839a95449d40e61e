/**
 * What the operations services work on: the check service (the tables and the engine model,
 * cached by data version) and the operations store over the same database.
 */
import type { OperationsStore } from '../db/operations-store';

export type { ChangeSet } from '../db/operations-store';
import type { CheckService } from './check-service';

export interface OperationsDeps {
  checks: CheckService;
  ops: OperationsStore;
}

/** No tables yet: nothing to edit, export or picture. */
export class NoPlantError extends Error {
  constructor() {
    super('The database has no operations tables yet: import a workbook first.');
    this.name = 'NoPlantError';
  }
}
