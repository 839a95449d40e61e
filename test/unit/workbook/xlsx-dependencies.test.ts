/**
 * Issue #15, item 8: exceljs's own tree pulled unmaintained packages (unzipper 0.10 → fstream →
 * rimraf 2 → glob 7 → inflight). package.json's `overrides` move unzipper and archiver forward;
 * this reads the lock file, so that a reinstall that brings them back fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
};

/** Every installed copy of a package (hoisted or nested), with its version. */
function copies(name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, p]) => ({ path, version: p.version ?? '' }));
}

const major = (v: string) => v.split('.').slice(0, 2).map(Number) as [number, number];

describe("exceljs's dependencies", () => {
  it('carry no fstream and no inflight from exceljs, and read zips with unzipper 0.12 or later', () => {
    expect(copies('fstream')).toEqual([]);
    const unzipper = copies('unzipper');
    expect(unzipper.length).toBeGreaterThan(0);
    for (const u of unzipper) expect(major(u.version)[0] > 0 || major(u.version)[1] >= 12, `${u.path} ${u.version}`).toBe(true);
  });

  it('write zips with archiver 7, whose helpers use a maintained glob', () => {
    const archiver = copies('archiver');
    expect(archiver.map((a) => major(a.version)[0])).toEqual([7]);
    for (const g of copies('archiver-utils')) expect(major(g.version)[0], g.path).toBeGreaterThanOrEqual(5);
  });
});
