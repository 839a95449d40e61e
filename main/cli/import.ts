/**
 * `import <folder|file.xlsx> [--db FILE] [--as-of YYYY-MM-DD]`: replaces the operations tables and
 * checks open promises again as of that date. Every problem is listed and nothing changes if any.
 */
import { formatIssue } from '../workbook/issues';
import { importFromPath } from '../services/workbook-service';
import { mayEditOperations } from '../people/roles';
import { asOfOption, InputError, parseCommand } from './args';
import { actingUser, withDesk } from './open-desk';
import { out } from './output';

export const spec = {
  usage: 'import <folder|file.xlsx> [--db FILE] [--as-of YYYY-MM-DD] [--user NAME]',
  positionals: ['the workbook (a folder of CSV files or an .xlsx file)'],
  options: { db: 'string', 'as-of': 'string', user: 'string' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  return withDesk(values.db, async (desk, path) => {
    const service = desk.checks;
    const asOf = asOfOption(values['as-of'], () => service.today());
    // Once users exist, an import names who does it, and only operations (or an admin) may.
    const actor = await actingUser(desk, values.user);
    if (!mayEditOperations(actor.role)) throw new InputError(`Only operations import the operations tables (${actor.name} is ${actor.role}).`);
    const r = await importFromPath(service.store, positionals[0]!, { asOf, user: actor.name });
    if (!r.ok) {
      const n = r.issues.length;
      throw new InputError([...r.issues.map(formatIssue), `The workbook was not imported (${n} ${n === 1 ? 'problem' : 'problems'}); the database is unchanged.`].join('\n'));
    }
    const o = r.outcome;
    out(`Imported ${r.source} (${r.format === 'csv' ? 'CSV folder' : '.xlsx'}): ${r.rowCount} rows into ${path}; data version ${o.import.dataVersion}.`);
    if (o.revalidated.length)
      out(`Open promises checked again as of ${asOf}: ${o.revalidated.length}; at risk: ${o.atRisk.length ? o.atRisk.join(', ') : 'none'}.`);
    return 0;
  });
}
