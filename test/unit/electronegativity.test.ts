/**
 * Electronegativity (Doyensec's Electron security linter) over the shell sources, the page and
 * the bundled preload: any HIGH or MEDIUM finding fails. Its online parts are switched off: the
 * release-list check is excluded, and the translation download is answered locally (it would
 * otherwise try the network). It exits 0 with findings, so its findings are read, not its exit:
 * the issues it returns. No report file is asked for: it is the same array written out, and its
 * CSV writer races the header against the rows (unawaited writes), which once left CI a file
 * whose header had overwritten the first row.
 */
import { buildSync } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function offlineElectronegativity(): (opts: Record<string, unknown>, forCli: boolean) => Promise<{ errors: unknown[] }> {
  const engRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = engRequire.resolve('got');
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) } as unknown as NodeJS.Module;
  return require('@doyensec/electronegativity');
}

describe('Electronegativity', () => {
  it('finds nothing HIGH or MEDIUM in main/, the page and the preload bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-eng-'));
    cpSync(join(root, 'main'), join(dir, 'main'), { recursive: true });
    mkdirSync(join(dir, 'renderer'));
    cpSync(join(root, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
    buildSync({ entryPoints: [join(root, 'main/shell/preload.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], outfile: join(dir, 'preload', 'preload.cjs'), logLevel: 'silent' });

    const run = offlineElectronegativity();
    const log = console.log;
    console.log = () => undefined; // its progress chatter
    let result: { issues: { id: string; severity: { name: string }; file: string; location: { line: number }; description: string }[] };
    try {
      result = await run(
        { input: dir, isSarif: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], isRelative: true, isVerbose: false, electronVersionOverride: '45.4.1', parserPlugins: [] },
        false,
      ) as never;
    } finally {
      console.log = log;
    }

    const found = result.issues.map((i) => ({ severity: i.severity.name, text: `${i.id} ${i.file}:${i.location.line} ${i.description}` }));
    expect(result.issues.length).toBeGreaterThan(0); // it did scan (the page's CSP is always reported, as LOW)
    expect(found.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM').map((f) => `${f.severity} ${f.text}`)).toEqual([]);
  }, 120_000);
});
