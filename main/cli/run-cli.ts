/**
 * The command line's dispatcher, shared by `promise-desk` (bin/), `npm run cli --` (tsx, no build
 * step) and the packaged app (`--cli`): the command's own help, the version, and exit codes:
 * 0 done, 1 bad input or data (one sentence per problem on stderr), 2 usage.
 */
import pkg from '../../package.json' with { type: 'json' };
import { HelpRequest, InputError, PROGRAM, UsageError } from './args';
import { COMMANDS, findCommand } from './commands';
import { err, out } from './output';

export const VERSION: string = pkg.version;

export function usage(): string {
  return [
    `usage: ${PROGRAM} <command> [arguments]      (in a checkout: npm run cli -- <command> [arguments])`,
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
    `${PROGRAM} <command> --help (or ${PROGRAM} help <command>) explains a command and its options; ${PROGRAM} --version prints the version.`,
    "--db (a file, or a team database postgres://…) defaults to $PROMISE_DB, then the app's own database. Dates are YYYY-MM-DD; --as-of defaults to today.",
    'Once users exist, commands that change data take --user NAME; the passphrase comes from $PROMISE_PASSPHRASE or the terminal.',
    'Through a team server: --server URL (or $PROMISE_SERVER) in place of --db, --user NAME for every command, and for a self-signed',
    'certificate --fingerprint SHA256 (or $PROMISE_SERVER_FINGERPRINT), as the server printed it.',
  ].join('\n');
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    err(usage());
    return 2;
  }
  if (name === '--version' || name === '-V') {
    out(`${PROGRAM} ${VERSION}`);
    return 0;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    out(usage());
    return 0;
  }
  if (name === 'help') return runCli([rest[0]!, '--help']);
  const command = findCommand(name);
  if (!command) {
    err(`unknown command ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  try {
    // Through a team server (`--server URL` or PROMISE_SERVER, unless --db names a database).
    const flag = (f: string) => rest.some((a) => a === f || a.startsWith(`${f}=`));
    if (flag('--server') || (!!process.env.PROMISE_SERVER && !flag('--db'))) {
      const { REMOTE_COMMANDS } = await import('./remote/remote-commands');
      const run = REMOTE_COMMANDS[name];
      if (run) return await run(rest);
    }
    return await (await command.load()).run(rest);
  } catch (e) {
    if (e instanceof HelpRequest) {
      out(e.message);
      return 0;
    }
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    if (e instanceof InputError) {
      err(e.message);
      return 1;
    }
    err(`Failed: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.PROMISE_DEBUG) err(e instanceof Error ? (e.stack ?? '') : '');
    return 1;
  }
}

