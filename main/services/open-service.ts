/**
 * Opens the database a caller names and the check service over it. The application's own database
 * (and any database the app opens) is filled with the demo plant while it has none, so a first
 * start shows something real; a database named for the command line is left empty.
 */
import { openStore } from '../db/open-store';
import { CheckService, type CheckServiceOptions } from './check-service';
import { localToday } from './dates';

export interface OpenServiceOptions extends CheckServiceOptions {
  path: string;
  /** Fill an empty database with the demo plant of today. */
  seedDemo: boolean;
}

export async function openCheckService(opts: OpenServiceOptions): Promise<CheckService> {
  // A team database (`postgres://…`) is opened, migrated first, like a file.
  const { store } = await openStore(opts.path);
  try {
    const service = new CheckService(store, opts);
    if (opts.seedDemo && (await store.dataVersion()) === null) {
      // Loaded only here: the demo and the workbook reader are not needed to check.
      const { seedDemoIfEmpty } = await import('./workbook-service');
      await seedDemoIfEmpty(store, { today: localToday((opts.now ?? (() => new Date()))()), user: service.user });
    }
    return service;
  } catch (e) {
    await store.close();
    throw e;
  }
}
