/**
 * The command line: `npm run cli -- <command> ...` (tsx, no build step). Each command lives in
 * its own file and is loaded only when asked for, so start-up stays quick.
 * Exit codes: 0 done, 1 bad input or data (one sentence per problem on stderr), 2 usage.
 */
import { InputError, UsageError } from './args';
import { err, out } from './output';

interface Command {
  run(argv: readonly string[]): Promise<number>;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  import: { summary: 'import <folder|file.xlsx> [--db FILE] [--as-of D] [--dry-run [--json]]   replace the operations tables (--dry-run: show what it would change and put at risk)', load: () => import('./import') },
  check: { summary: 'check <request.json> [--db FILE] [--as-of D] [--json]   check a request', load: () => import('./check') },
  confirm: { summary: 'confirm <request.json> [--db FILE] [--as-of D] [--json]   check and record an ok promise', load: () => import('./confirm') },
  promises: { summary: 'promises [--db FILE] [--status S] [--at-risk] [--json]   list promises', load: () => import('./promises') },
  submit: { summary: 'submit <request.json> [--db FILE] [--as-of D] [--json] [--user NAME]   hold a check that needs approval and ask for it', load: () => import('./submit') },
  approve: { summary: 'approve <id> [--comment TEXT] [--db FILE] [--user NAME]   approve for the roles the promise needs', load: () => import('./approve') },
  reject: { summary: 'reject <id> --comment TEXT [--db FILE] [--user NAME]   reject a promise awaiting approval', load: () => import('./reject') },
  cancel: { summary: 'cancel <id> [--comment TEXT] [--db FILE] [--user NAME]   cancel a promise, releasing its holds', load: () => import('./cancel') },
  fulfil: { summary: 'fulfil <id> [--comment TEXT] [--db FILE] [--user NAME]   mark a confirmed promise fulfilled', load: () => import('./fulfil') },
  export: { summary: 'export <id> --format pdf|json --copy customer|internal --out FILE [--db FILE]   write a signed summary', load: () => import('./export') },
  verify: { summary: 'verify <file.pdf|file.json> [--db FILE]   check a signed summary against this database', load: () => import('./verify') },
  users: { summary: 'users add NAME --role ROLE | list [--json] | disable NAME | role NAME ROLE | passphrase NAME   people', load: () => import('./users') },
  'export-workbook': { summary: 'export-workbook <folder|file.xlsx> [--db FILE]   write the current tables', load: () => import('./export-workbook') },
  'workbook-template': { summary: 'workbook-template <folder|file.xlsx>   write a blank workbook', load: () => import('./workbook-template') },
  'migrate-to-server': { summary: 'migrate-to-server --db FILE --to postgres://…   move this database into an empty team database', load: () => import('./migrate-to-server') },
  'demo-workbook': { summary: 'demo-workbook <folder|file.xlsx> [--today D]   write the demo plant', load: () => import('./demo-workbook') },
};

function usage(): string {
  return [
    'usage: npm run cli -- <command> [arguments]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
    '--db (a file, or a team database postgres://…) defaults to $PROMISE_DB, then the app\'s own database. Dates are YYYY-MM-DD; --as-of defaults to today.',
    'Once users exist, commands that change data take --user NAME; the passphrase comes from $PROMISE_PASSPHRASE or the terminal.',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? err : out)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    err(`unknown command ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (e) {
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

process.exitCode = await main(process.argv.slice(2));
