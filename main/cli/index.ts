/** `npm run cli -- <command> ...`: the command line run from source by tsx (no build step). */
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2));
