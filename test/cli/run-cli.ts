/** Runs the real command line (tsx on Node 22 from node_modules/.bin), as a user would. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input`, when given, is piped to the command's standard input (for `-`). */
export function cli(args: string[], env: Record<string, string | undefined> = {}, input?: string | Buffer): Promise<CliResult> {
  return new Promise((done, fail) => {
    const fullEnv: Record<string, string | undefined> = { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}`, PROMISE_DB: undefined, ...env };
    for (const k of Object.keys(fullEnv)) if (fullEnv[k] === undefined) delete fullEnv[k];
    const child = spawn(join(BIN, 'tsx'), [join(ROOT, 'main', 'cli', 'index.ts'), ...args], { cwd: ROOT, env: fullEnv as NodeJS.ProcessEnv, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined) child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
