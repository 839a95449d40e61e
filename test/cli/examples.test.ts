/**
 * The worked examples of ../shared/examples through the real command line, as the product
 * contract asks: `node ../shared/examples/check-examples.mjs` must report every example passed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { missing } from '../support/requires';

const root = join(import.meta.dirname, '../..');
const script = join(root, '../shared/examples/check-examples.mjs');

it.skipIf(missing('../shared/examples', existsSync(script)))(
  'every worked example passes through npm run cli',
  () => {
    const run = spawnSync(process.execPath, [script, '--project', root], { encoding: 'utf8', timeout: 15 * 60_000 });
    const lines = run.stdout.trim().split('\n');
    const summary = lines.pop() ?? '';
    expect(lines, 'mismatches, or noise around the JSON').toEqual([]);
    expect(summary).toMatch(/^examples: \d+ passed, 0 failed$/);
    expect(run.status).toBe(0);
  },
  15 * 60_000,
);
