/**
 * The command line inside the packaged app: `Promise Desk --cli <command> …` runs it in the app's
 * own process and exits with its code, before anything of the desktop starts (no window, no
 * single-instance lock). The installers ship `resources/bin/promise-desk` (and `.cmd`), which
 * call the app this way, so `promise-desk` works where the app is installed (docs/cli.md).
 */
import { app } from 'electron';

export const CLI_FLAG = '--cli';

/** The command line's arguments when the app was started with `--cli`, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const i = argv.indexOf(CLI_FLAG);
  return i < 0 ? null : argv.slice(i + 1);
}

export async function runCliInApp(args: string[]): Promise<void> {
  app.dock?.hide();
  const { runCli } = await import('../cli/run-cli');
  const code = await runCli(args);
  // What was written to a pipe must reach it before the process ends.
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((done) => s.write('', () => done()))));
  app.exit(code);
}
