/**
 * Electronegativity (Doyensec's Electron security linter) over the shell sources, the page and
 * the bundled preload: any HIGH or MEDIUM finding fails. Its online parts are switched off: the
 * release-list check is excluded, and the translation download is answered locally (it would
 * otherwise try the network). It exits 0 with findings, so its findings are read, not its exit:
 * the issues it returns and the CSV report it writes (whose header and rows are written by two
 * racing async writes, so the rows may be missing from it; hence both).
 */
import { buildSync } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function offlineElectronegativity(): (opts: Record<string, unknown>, forCli: boolean) => Promise<{ errors: unknown[] }> {
  const engRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = engRequire.resolve('got');
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) } as unknown as NodeJS.Module;
  return require('@doyensec/electronegativity');
}

/** Its report is written by unawaited writes: read it once it parses and stops changing (5 s at most). */
async function readReport(file: string): Promise<Record<string, string>[]> {
  let last = '';
  for (let waited = 0; ; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
      const rows = parse<Record<string, string>>(text, { columns: true, trim: true, skip_empty_lines: true });
      if (text === last || waited >= 5_000) return rows;
    } catch (e) {
      if (waited >= 5_000) throw e;
    }
    last = text;
  }
}

describe('Electronegativity', () => {
  it('finds nothing HIGH or MEDIUM in main/, the page and the preload bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-eng-'));
    cpSync(join(root, 'main'), join(dir, 'main'), { recursive: true });
    mkdirSync(join(dir, 'renderer'));
    cpSync(join(root, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
    buildSync({ entryPoints: [join(root, 'main/shell/preload.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], outfile: join(dir, 'preload', 'preload.cjs'), logLevel: 'silent' });
    const output = join(dir, 'report.csv');

    const run = offlineElectronegativity();
    const log = console.log;
    console.log = () => undefined; // its progress chatter
    let result: { issues: { id: string; severity: { name: string }; file: string; location: { line: number }; description: string }[] };
    try {
      result = await run(
        { input: dir, output, isSarif: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], isRelative: true, isVerbose: false, electronVersionOverride: '45.4.1', parserPlugins: [] },
        false,
      ) as never;
    } finally {
      console.log = log;
    }

    const rows = await readReport(output);
    const found = [
      ...result.issues.map((i) => ({ severity: i.severity.name, text: `${i.id} ${i.file}:${i.location.line} ${i.description}` })),
      ...rows.map((r) => ({ severity: r.severity!, text: `${r.issue} ${r.filename}:${r.location} ${r.description}` })),
    ];
    expect(result.issues.length).toBeGreaterThan(0); // it did scan (the page's CSP is always reported, as LOW)
    expect(found.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM').map((f) => `${f.severity} ${f.text}`)).toEqual([]);
  }, 120_000);
});
