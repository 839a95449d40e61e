/**
 * `import <folder|file.xlsx> [--db FILE] [--as-of YYYY-MM-DD]`: replaces the operations tables and
 * checks open promises again as of that date. Every problem is listed and nothing changes if any.
 * `--dry-run [--json]` prints what it would change and which promises it would put at risk, and
 * changes nothing (exit 0; 1 only for a bad workbook).
 */
import { formatIssue } from '../workbook/issues';
import { dryRunImport, importFromPath } from '../services/workbook-service';
import { mayEditOperations } from '../people/roles';
import { asOfOption, InputError, parseCommand, UsageError } from './args';
import type { WorkbookIssue } from '../workbook/issues';
import { actingUser, withDesk } from './open-desk';
import { printDryRun } from './import-dry-run';
import { withService } from './open-store';
import { out } from './output';

export const spec = {
  usage: 'import <folder|file.xlsx> [--db FILE] [--as-of YYYY-MM-DD] [--user NAME] [--dry-run [--json]]',
  positionals: ['the workbook (a folder of CSV files or an .xlsx file)'],
  options: { db: 'string', 'as-of': 'string', user: 'string', 'dry-run': 'boolean', json: 'boolean' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  if (values.json && !values['dry-run']) throw new UsageError(`--json goes with --dry-run\nusage: ${spec.usage}`);
  if (values['dry-run']) {
    // Only reads: no user is needed to look, and lapsed holds are left for a command that writes.
    return withService(values.db, async (service) => {
      const asOf = asOfOption(values['as-of'], () => service.today());
      const d = await dryRunImport(service.store, positionals[0]!, { asOf });
      if (!d.ok) throw refused(d.issues, 'is not valid');
      printDryRun(d, asOf, values.json === true);
      return 0;
    });
  }
  return withDesk(values.db, async (desk, path) => {
    const service = desk.checks;
    const asOf = asOfOption(values['as-of'], () => service.today());
    // Once users exist, an import names who does it, and only operations (or an admin) may.
    const actor = await actingUser(desk, values.user);
    if (!mayEditOperations(actor.role)) throw new InputError(`Only operations import the operations tables (${actor.name} is ${actor.role}).`);
    const r = await importFromPath(service.store, positionals[0]!, { asOf, user: actor.name });
    if (!r.ok) throw refused(r.issues, 'was not imported');
    const o = r.outcome;
    out(`Imported ${r.source} (${r.format === 'csv' ? 'CSV folder' : '.xlsx'}): ${r.rowCount} rows into ${path}; data version ${o.import.dataVersion}.`);
    if (o.revalidated.length)
      out(`Open promises checked again as of ${asOf}: ${o.revalidated.length}; at risk: ${o.atRisk.length ? o.atRisk.join(', ') : 'none'}.`);
    return 0;
  });
}

function refused(issues: readonly WorkbookIssue[], what: string): InputError {
  const n = issues.length;
  return new InputError([...issues.map(formatIssue), `The workbook ${what} (${n} ${n === 1 ? 'problem' : 'problems'}); the database is unchanged.`].join('\n'));
}
