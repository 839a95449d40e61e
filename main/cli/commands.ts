/**
 * Every command of the command line, its one-line summary for the list, and where it lives. Each
 * command's file is loaded only when asked for, so start-up stays quick.
 */
import type { CommandSpec } from './args';

export interface Command {
  spec: CommandSpec;
  run(argv: readonly string[]): Promise<number>;
}

export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  import: { summary: 'import <folder|file.xlsx>          replace the operations tables (--dry-run: what it would change)', load: () => import('./import') },
  check: { summary: 'check <request.json|->             check a request', load: () => import('./check') },
  confirm: { summary: 'confirm <request.json|->           check and record an ok promise', load: () => import('./confirm') },
  submit: { summary: 'submit <request.json|->            hold a check that needs approval and ask for it', load: () => import('./submit') },
  promises: { summary: 'promises [--status S] [--at-risk]  list promises', load: () => import('./promises') },
  approve: { summary: 'approve <id> [--comment TEXT]      approve for the roles the promise needs', load: () => import('./approve') },
  reject: { summary: 'reject <id> --comment TEXT         reject a promise awaiting approval', load: () => import('./reject') },
  cancel: { summary: 'cancel <id> [--comment TEXT]       cancel a promise, releasing its holds', load: () => import('./cancel') },
  fulfil: { summary: 'fulfil <id> [--comment TEXT]       mark a confirmed promise fulfilled', load: () => import('./fulfil') },
  export: { summary: 'export <id> --format --copy --out  write a signed summary (PDF or JSON)', load: () => import('./export') },
  verify: { summary: 'verify <file.pdf|file.json|->      check a signed summary against this database', load: () => import('./verify') },
  users: { summary: 'users add|list|disable|role|passphrase   people', load: () => import('./users') },
  'export-workbook': { summary: 'export-workbook <folder|file.xlsx> write the current tables', load: () => import('./export-workbook') },
  'workbook-template': { summary: 'workbook-template <folder|.xlsx>   write a blank workbook', load: () => import('./workbook-template') },
  'migrate-to-server': { summary: 'migrate-to-server --db FILE --to postgres://…  move this database into an empty team database', load: () => import('./migrate-to-server') },
  'demo-workbook': { summary: 'demo-workbook <folder|file.xlsx>   write the demo plant', load: () => import('./demo-workbook') },
};

export function findCommand(name: string) {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}
