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
import { teamServer } from './team/team-server.bench';
import { teamStore } from './team/team-store.bench';

// The import (a workbook into a new database, in this process) runs after the grid, which drops
// the shared fixtures (`alone`): at ×10 their 2 GB made its collections slower (the .xlsx import
// 1.06 s at ×1, 1.22–1.79 s in ×10 runs when it ran before them).
export const BENCHES: Bench[] = [modelBuild, checkLatency, solverSpeedup, revalidate, confirmLatency, openDb, tableEdit, grid, importLarge, teamStore, teamServer];
