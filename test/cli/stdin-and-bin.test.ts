/**
 * The real command line as people run it: a request or a summary piped in with `-`, and the
 * installed `promise-desk` command (package.json `bin`) started by whatever Node is on PATH.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { demoWorkbook } from '../../main/demo/demo-workbook';
import { exportWorkbook } from '../../main/workbook/export-workbook';
import { tempDir } from '../unit/db/temp-db';
import { ROOT, cli } from './run-cli';

const dir = tempDir('promise-desk-stdin-');
const AS_OF = '2026-03-02';
const db = join(dir, 'plant.db');
const REQUEST = join(ROOT, 'test', 'fixtures', 'demo-request.json');

beforeAll(async () => {
  const plant = join(dir, 'plant');
  await exportWorkbook(demoWorkbook(AS_OF), plant);
  expect((await cli(['import', plant, '--db', db, '--as-of', AS_OF])).code).toBe(0);
});

describe('- reads standard input', () => {
  it('check - answers as check FILE does; bad JSON on stdin is named as standard input', async () => {
    const fromFile = await cli(['check', REQUEST, '--db', db, '--as-of', AS_OF, '--json']);
    const piped = await cli(['check', '-', '--db', db, '--as-of', AS_OF, '--json'], {}, readFileSync(REQUEST));
    expect(piped).toEqual(fromFile);
    const bad = await cli(['check', '-', '--db', db, '--as-of', AS_OF], {}, '{"customer": ');
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^The request on standard input is not valid JSON/);
    const badField = await cli(['check', '-', '--db', db, '--as-of', AS_OF], {}, JSON.stringify({ customer: 'X', region: 'DE', lines: [] }));
    expect(badField.stderr).toBe('standard input: lines must have at least one line.\n');
  });

  it('confirm -, then the exported summary verifies from standard input, and an altered one does not', async () => {
    const confirmed = await cli(['confirm', '-', '--db', db, '--as-of', AS_OF, '--json'], {}, readFileSync(REQUEST));
    expect(confirmed.code).toBe(0);
    const id = JSON.parse(confirmed.stdout).promise_id as string;
    const out = join(dir, 'summary.json');
    expect((await cli(['export', id, '--db', db, '--format', 'json', '--copy', 'customer', '--out', out])).code).toBe(0);
    const v = await cli(['verify', '-', '--db', db], {}, readFileSync(out));
    expect(v).toMatchObject({ code: 0, stderr: '' });
    expect(v.stdout).toMatch(/^intact: signed by local/);
    const altered = readFileSync(out, 'utf8').replace('"qty": 10', '"qty": 11');
    const w = await cli(['verify', '-', '--db', db], {}, altered);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/^altered: /);
  }, 120_000); // four commands, each a Node process starting tsx: slow on a loaded machine
});

describe('the promise-desk command (package.json bin)', () => {
  const bin = join(ROOT, pkg.bin['promise-desk']);

  it('is an executable script with a node shebang', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  // The Node on PATH may be older than the project's (20 on this machine): it hands over to node_modules/node.
  it('runs from any folder with the Node on PATH: --version and check FILE', () => {
    const env = { ...process.env, PATH: (process.env.PATH ?? '').split(':').filter((p) => !p.includes('node_modules')).join(':') };
    const version = spawnSync(bin, ['--version'], { cwd: dir, env, encoding: 'utf8' });
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`promise-desk ${pkg.version}\n`);
    const check = spawnSync(bin, ['check', REQUEST, '--db', db, '--as-of', AS_OF], { cwd: dir, env, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^OK: Stadtwerke Ulm/);
    const usage = spawnSync(bin, ['check'], { cwd: dir, env, encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
