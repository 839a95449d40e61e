/**
 * A throw-away PostgreSQL server for tests, benchmarks and the team demo: `initdb` in a temporary
 * folder (as the `postgres` user when running as root: initdb refuses root), a random loopback
 * port, a socket in the same folder, and everything removed when it stops. `fsync=off` is for
 * tests only (`durable: true` keeps it on).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  url: string;
  port: number;
  dir: string;
  /** A URL of another database on the same server. */
  urlFor(database: string): string;
  /** Stops the server (`fast` by default; `immediate` is a crash: recovery runs at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export interface ThrowawayOptions {
  /** Keep fsync on (the demo); tests leave it off. */
  durable?: boolean;
  maxConnections?: number;
}

/** Where Debian's PostgreSQL binaries are (PG_BIN overrides). */
export function postgresBinDir(): string | null {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
  for (const c of candidates) if (c && existsSync(join(c, 'initdb'))) return c;
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config on PATH
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export async function startThrowawayPostgres(opts: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb found; on Debian: apt-get install postgresql).');
  const asRoot = userInfo().uid === 0;
  const cmd = (tool: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]);
  const exec = async (tool: string, args: string[]) => {
    const [file, argv] = cmd(tool, args);
    try {
      await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new Error(`${tool} failed: ${(err.stderr || err.message).trim()}`);
    }
  };

  const dir = mkdtempSync(join(tmpdir(), 'promise-desk-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  let port = 0;
  let running = false;

  const startOnce = async () => {
    const settings = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${dir}`,
      `-c max_connections=${opts.maxConnections ?? 200}`,
      // A frozen client cannot hold locks for ever.
      '-c idle_in_transaction_session_timeout=60s',
      // fsync off keeps commits in the OS cache: a crash of PostgreSQL (-m immediate) loses none,
      // as the restart tests need; synchronous_commit stays on.
      ...(opts.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
    ];
    await exec('pg_ctl', ['-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', settings.join(' '), 'start']);
    running = true;
  };

  const stopSync = () => {
    if (!running) return;
    const [file, argv] = cmd('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    try {
      execFileSync(file, argv, { stdio: 'ignore' });
    } catch {
      // already gone
    }
    running = false;
  };
  const onExit = () => {
    stopSync();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // Another process may take the port between finding it free and starting: try a few.
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await startOnce();
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  } catch (e) {
    onExit();
    throw e;
  }
  process.once('exit', onExit);

  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    await exec('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  return {
    url: urlFor('postgres'),
    port,
    dir,
    urlFor,
    stop,
    start: startOnce,
    async dispose() {
      process.removeListener('exit', onExit);
      if (running) await stop('fast').catch(stopSync);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
