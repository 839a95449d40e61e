/**
 * `import <folder|file.xlsx> [--db FILE] [--as-of YYYY-MM-DD] [--user NAME] [--json]`: replaces
 * the operations tables and checks open promises again as of that date. Every problem is listed
 * and nothing changes if any. On a terminal, an import that takes a while shows which table and
 * how many rows it is on (stderr).
 */
import { formatIssue } from '../workbook/issues';
import type { ImportStep } from '../workbook/validate-workbook';
import { importFromPath } from '../services/workbook-service';
import { mayEditOperations } from '../people/roles';
import { asOfOption, InputError, parseCommand } from './args';
import { actingUser, withDesk } from './open-desk';
import { AS_OF_OPTION, JSON_OPTION, STORE_OPTIONS, USER_OPTION } from './options';
import { out, outJson } from './output';
import { rows, stderrProgress } from './progress';

export const spec = {
  usage: 'import <folder|file.xlsx> [options]',
  about:
    'Replaces the operations tables with a workbook (a folder of CSV files or an .xlsx file) and checks open promises again as of --as-of. All or nothing: every bad row is listed with its file, line and column, and the database is left unchanged.',
  positionals: ['the workbook (a folder of CSV files or an .xlsx file)'],
  options: { ...STORE_OPTIONS, ...AS_OF_OPTION, ...USER_OPTION, ...JSON_OPTION },
} as const;

function stepText(s: ImportStep): string {
  if (s.phase === 'read') return `reading ${s.source}`;
  if (s.phase === 'validate') return `checking ${s.table} (${rows(s.rows)})`;
  if (s.phase === 'rules') return 'checking the rules across tables';
  return 'writing the tables and checking open promises again';
}

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  return withDesk(values, async (desk, path) => {
    const service = desk.checks;
    const asOf = asOfOption(values['as-of'], () => service.today());
    // Once users exist, an import names who does it, and only operations (or an admin) may.
    const actor = await actingUser(desk, values.user);
    if (!mayEditOperations(actor.role)) throw new InputError(`Only operations import the operations tables (${actor.name} is ${actor.role}).`);
    const progress = stderrProgress('Importing', values.json);
    const r = await importFromPath(service.store, positionals[0]!, { asOf, user: actor.name, onStep: (s) => progress.step(stepText(s)) }).finally(() => progress.done());
    if (!r.ok) {
      const n = r.issues.length;
      if (values.json) outJson({ ok: false, issues: r.issues.map((i) => ({ file: i.file, sheet: i.sheet ?? null, line: i.line, column: i.column, reason: i.reason })) });
      throw new InputError([...r.issues.map(formatIssue), `The workbook was not imported (${n} ${n === 1 ? 'problem' : 'problems'}); the database is unchanged.`].join('\n'));
    }
    const o = r.outcome;
    if (values.json) {
      outJson({ ok: true, source: r.source, format: r.format, rows: r.rowCount, database: path, data_version: o.import.dataVersion, as_of: asOf, revalidated: o.revalidated.length, at_risk: o.atRisk });
      return 0;
    }
    out(`Imported ${r.source} (${r.format === 'csv' ? 'CSV folder' : '.xlsx'}): ${r.rowCount} rows into ${path}; data version ${o.import.dataVersion}.`);
    if (o.revalidated.length)
      out(`Open promises checked again as of ${asOf}: ${o.revalidated.length}; at risk: ${o.atRisk.length ? o.atRisk.join(', ') : 'none'}.`);
    return 0;
  });
}
