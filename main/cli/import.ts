/**
 * `import <folder|file.xlsx> [--db FILE] [--as-of YYYY-MM-DD] [--user NAME] [--dry-run] [--json]`:
 * replaces the operations tables and checks open promises again as of that date. Every problem is
 * listed and nothing changes if any. `--dry-run` prints what it would change and which promises it
 * would put at risk, and changes nothing (exit 0; 1 only for a bad workbook). On a terminal, an
 * import that takes a while shows which table and how many rows it is on (stderr).
 */
import { formatIssue, type WorkbookIssue } from '../workbook/issues';
import type { ImportStep } from '../workbook/validate-workbook';
import { dryRunImport, importFromPath } from '../services/workbook-service';
import { asOfOption, InputError, parseCommand } from './args';
import { printDryRun } from './import-dry-run';
import { actingUser, withDesk } from './open-desk';
import { withService } from './open-store';
import { AS_OF_OPTION, JSON_OPTION, STORE_OPTIONS, USER_OPTION } from './options';
import { out, outJson } from './output';
import { rows, stderrProgress } from './progress';

export const spec = {
  usage: 'import <folder|file.xlsx> [options]',
  about:
    'Replaces the operations tables with a workbook (a folder of CSV files or an .xlsx file) and checks open promises again as of --as-of. All or nothing: every bad row is listed with its file, line and column, and the database is left unchanged. --dry-run shows what it would change and which promises it would put at risk, and changes nothing.',
  positionals: ['the workbook (a folder of CSV files or an .xlsx file)'],
  options: { ...STORE_OPTIONS, ...AS_OF_OPTION, ...USER_OPTION, 'dry-run': { type: 'boolean', help: 'show what the import would change, change nothing' }, ...JSON_OPTION },
} as const;

function stepText(s: ImportStep): string {
  if (s.phase === 'read') return `reading ${s.source}`;
  if (s.phase === 'validate') return `checking ${s.table} (${rows(s.rows)})`;
  if (s.phase === 'rules') return 'checking the rules across tables';
  return 'writing the tables and checking open promises again';
}

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  if (values['dry-run']) {
    // Only reads: no user is needed to look, and lapsed holds are left for a command that writes.
    return withService(values, async (service) => {
      const asOf = asOfOption(values['as-of'], () => service.today());
      const d = await dryRunImport(service.store, positionals[0]!, { asOf });
      if (!d.ok) throw refused(d.issues, 'is not valid');
      printDryRun(d, asOf, values.json === true);
      return 0;
    });
  }
  return withDesk(values, async (desk, path) => {
    const service = desk.checks;
    const asOf = asOfOption(values['as-of'], () => service.today());
    // Once users exist, an import names who does it; the service lets only operations (or an admin).
    const actor = await actingUser(desk, values.user);
    const progress = stderrProgress('Importing', values.json);
    const r = await importFromPath(service.store, positionals[0]!, { asOf, actor, onStep: (s) => progress.step(stepText(s)) }).finally(() => progress.done());
    if (!r.ok) {
      if (values.json) outJson({ ok: false, issues: r.issues.map((i) => ({ file: i.file, sheet: i.sheet ?? null, line: i.line, column: i.column, reason: i.reason })) });
      throw refused(r.issues, 'was not imported');
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

function refused(issues: readonly WorkbookIssue[], what: string): InputError {
  const n = issues.length;
  return new InputError([...issues.map(formatIssue), `The workbook ${what} (${n} ${n === 1 ? 'problem' : 'problems'}); the database is unchanged.`].join('\n'));
}
