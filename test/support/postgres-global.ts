/**
 * Vitest global setup: one throw-away PostgreSQL for the whole run (initdb in a temp folder,
 * random loopback port, fsync off), stopped in teardown and on exit.
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../main/db/postgres/throwaway-server';

let server: ThrowawayPostgres | null = null;

/** Test files named on the command line (`vitest run a.test.ts`): PostgreSQL is started only if one may need it. */
function selectionNeedsPostgres(): boolean {
  const i = process.argv.findIndex((a) => a === 'run' || a.endsWith('vitest.mjs') || a.endsWith('/vitest'));
  const filters = process.argv.slice(i + 1).filter((a) => !a.startsWith('-') && a !== 'run');
  return filters.length === 0 || filters.some((f) => /pg|postgres|team|store|migrat/i.test(f));
}

export async function setup(project: TestProject): Promise<void> {
  if (!selectionNeedsPostgres()) {
    project.provide('pgUrl', null);
    project.provide('pgMissing', 'not started: no PostgreSQL test was selected');
    return;
  }
  try {
    server = await startThrowawayPostgres();
    project.provide('pgUrl', server.url);
    project.provide('pgMissing', null);
  } catch (e) {
    project.provide('pgUrl', null);
    project.provide('pgMissing', (e as Error).message);
  }
}

export async function teardown(): Promise<void> {
  await server?.dispose();
}
