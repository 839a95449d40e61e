/**
 * Command-line conventions, in-process: every command's own help (`<command> --help` and
 * `help <command>`, exit 0, stdout), `--version`, help text wrapped for a terminal, times for
 * people without milliseconds, and progress shown only on a terminal, after a second, never in JSON.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { helpText, wrap } from '../../../main/cli/args';
import { COMMANDS } from '../../../main/cli/commands';
import { progressOn, rows } from '../../../main/cli/progress';
import { runCli } from '../../../main/cli/run-cli';
import { timesForPeople } from '../../../main/cli/times';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import type { ImportStep } from '../../../main/workbook/validate-workbook';
import { writePromisePlant } from '../../fixtures/promise-plant';
import { tempDir } from '../db/temp-db';

const stepsDir = tempDir('promise-steps-');
let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

async function run(args: string[]) {
  stdout = stderr = '';
  const code = await runCli(args);
  return { code, stdout, stderr };
}

describe('help', () => {
  it.each(Object.keys(COMMANDS))('%s: <command> --help and help <command> print its usage and options on stdout, exit 0', async (name) => {
    const spec = (await COMMANDS[name]!.load()).spec;
    const a = await run([name, '--help']);
    expect(a).toEqual({ code: 0, stdout: `${helpText(spec)}\n`, stderr: '' });
    expect(a.stdout.startsWith(`usage: promise-desk ${name}`)).toBe(true);
    for (const option of Object.keys(spec.options)) expect(a.stdout).toContain(`--${option}`);
    expect(await run(['help', name])).toEqual(a);
    expect(await run([name, '-h'])).toEqual(a);
  });

  it('help wins over anything else wrong on the line; after -- it is an argument', async () => {
    expect((await run(['check', '--colour', 'a.json', 'b.json', '--help'])).code).toBe(0);
    expect((await run(['users', 'frobnicate', '--help'])).stdout).toMatch(/^usage: promise-desk users add NAME/);
    const literal = await run(['check', '--', '--help']);
    expect(literal.code).toBe(1);
    expect(literal.stderr).toMatch(/request file --help does not exist/);
  });

  it('help for an unknown command is a usage error (2); help alone lists the commands', async () => {
    expect(await run(['help', 'frobnicate'])).toMatchObject({ code: 2, stdout: '' });
    const all = await run(['help']);
    expect(all.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(all.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('every help line fits an 80-column terminal but the option table', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const text = helpText((await COMMANDS[name]!.load()).spec);
      const about = text.split('\n\noptions:')[0]!.split('\n').slice(1);
      for (const line of about) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it.each([
    ['one two three', 7, ['one two', 'three']],
    ['  spaced   out  ', 80, ['spaced out']],
    ['averyveryverylongword short', 5, ['averyveryverylongword', 'short']],
    ['', 10, []],
  ])('wrap(%j, %i)', (text, width, lines) => {
    expect(wrap(text, width)).toEqual(lines);
  });
});

describe('--version', () => {
  it("prints the program and package.json's version, exit 0", async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `promise-desk ${pkg.version}\n`, stderr: '' });
  });
});

describe('times for people', () => {
  it.each([
    ['held until 2026-03-07T11:00:00.000Z.', 'held until 2026-03-07 11:00 UTC.'],
    ['at 2026-03-07T11:05:59Z and 2026-12-31T23:59:59.999Z', 'at 2026-03-07 11:05 UTC and 2026-12-31 23:59 UTC'],
    ['a date alone 2026-03-07 stays', 'a date alone 2026-03-07 stays'],
    ['P-000001 confirmed', 'P-000001 confirmed'],
  ])('%j → %j', (text, shown) => {
    expect(timesForPeople(text)).toBe(shown);
  });
});

describe('progress', () => {
  const sink = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (t: string) => written.push(t) };
  };
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('on a terminal: nothing during the first second, then one line rewritten in place, cleared at the end', () => {
    const s = sink(true);
    const c = clock();
    const p = progressOn(s, { enabled: true, label: 'Importing', now: c.now });
    p.step('checking products (10 rows)');
    c.advance(999);
    p.step('checking calendars (2 rows)');
    expect(s.written).toEqual([]);
    c.advance(1);
    p.step(`checking orders (${rows(12000)})`);
    p.step(`checking orders (${rows(12000)})`);
    p.step('writing');
    p.done();
    expect(s.written).toEqual(['\r\u001b[KImporting: checking orders (12,000 rows)…', '\r\u001b[KImporting: writing…', '\r\u001b[K']);
  });

  it('never when stderr is not a terminal, nor with --json', () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const s = sink(isTTY);
      const c = clock();
      const p = progressOn(s, { enabled, label: 'Importing', now: c.now });
      c.advance(5000);
      p.step('checking orders');
      p.done();
      expect(s.written).toEqual([]);
    }
  });

  it('a quick command that showed nothing clears nothing', () => {
    const s = sink(true);
    const p = progressOn(s, { enabled: true, label: 'Importing', now: () => 0 });
    p.step('reading');
    p.done();
    expect(s.written).toEqual([]);
  });

  it('an import reports each table with its rows, then the rules, as it reads them', async () => {
    const steps: ImportStep[] = [];
    const r = await readWorkbook(writePromisePlant(stepsDir), (s) => steps.push(s));
    expect(r.ok).toBe(true);
    expect(steps[0]).toEqual({ phase: 'read', source: 'plant' });
    expect(steps.filter((s) => s.phase === 'validate')).toContainEqual({ phase: 'validate', table: 'products', rows: 1 });
    expect(steps.filter((s) => s.phase === 'validate')).toContainEqual({ phase: 'validate', table: 'policy', rows: 4 });
    expect(steps.at(-1)).toEqual({ phase: 'rules' });
  });

  it('counts rows as people read them', () => {
    expect([rows(1), rows(0), rows(100000)]).toEqual(['1 row', '0 rows', '100,000 rows']);
  });
});
