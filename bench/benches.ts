/**
 * Every benchmark, in the order they run. To add a figure (import_100k_rows_s, open_db_ms,
 * confirm_p95_ms, …) write `bench/<area>/<name>.bench.ts` exporting `defineBench({...})` and list
 * it here.
 */
import type { Bench } from './registry';
import { checkLatency } from './engine/check-latency.bench';
import { modelBuild } from './engine/model-build.bench';
import { revalidate } from './engine/revalidate.bench';
import { solverSpeedup } from './engine/solver-speedup.bench';
import { confirmLatency } from './promises/confirm-latency.bench';
import { importLarge, openDb } from './db/import-open.bench';
import { grid } from './operations/grid.bench';
import { tableEdit } from './operations/table-edit.bench';
import { teamStore } from './team/team-store.bench';

export const BENCHES: Bench[] = [modelBuild, checkLatency, solverSpeedup, revalidate, confirmLatency, importLarge, openDb, tableEdit, grid, teamStore];
