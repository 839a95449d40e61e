/** `check <request.json|-> [--db FILE] [--as-of YYYY-MM-DD] [--json]`: checks a request; holds nothing. */
import { asOfOption, InputError, parseCommand } from './args';
import { formatCheck } from './format-check';
import { withService } from './open-store';
import { AS_OF_OPTION, JSON_OPTION, STORE_OPTIONS } from './options';
import { out, outJson } from './output';
import { readRequestFile, requestIssueLines } from './request-file';
import type { CheckedRequest } from '../services/check-service';

export const spec = {
  usage: 'check <request.json|-> [options]',
  about:
    'Checks a request (a JSON file, or standard input for -) against the plant and prints the answer: status, per line what is available by the date, the earliest date, the plans with cost and margin, reasons and alternatives. Holds nothing.',
  positionals: ['the request file'],
  options: { ...STORE_OPTIONS, ...AS_OF_OPTION, ...JSON_OPTION },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const file = positionals[0]!;
  const request = readRequestFile(file);
  return withService(values, async (service, path) => {
    const asOf = asOfOption(values['as-of'], () => service.today());
    const c = await service.check(request, asOf);
    if (!c.ok) failCheck(c, file, path);
    const result = c.result;
    if (values.json) outJson(result);
    else out(formatCheck(result));
    return 0;
  }, { readOnly: true });
}

/** Throws an InputError naming every problem of a check that could not run (shared with `confirm`). */
export function failCheck(c: Extract<CheckedRequest, { ok: false }>, file: string, dbPath: string): never {
  if (c.kind === 'no_plant') throw new InputError(noPlantMessage(dbPath));
  throw new InputError(requestIssueLines(file, c.issues).join('\n'));
}

export function noPlantMessage(dbPath: string): string {
  return `The database ${dbPath} has no operations tables yet: import a workbook first (npm run cli -- import <folder or file.xlsx> --db ${dbPath}).`;
}
