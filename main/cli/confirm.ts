/**
 * `confirm <request.json> [--db FILE] [--as-of YYYY-MM-DD] [--json]`: checks, and when the status is
 * `ok` records the promise and what it holds and prints its id; otherwise exit 1 with the status and
 * reasons on stderr (with --json the check's JSON is printed all the same, `promise_id` null).
 */
import { asOfOption, InputError, parseCommand } from './args';
import { failCheck } from './check';
import { withService } from './open-store';
import { err, out, outJson } from './output';
import { readRequestFile } from './request-file';

export const spec = {
  usage: 'confirm <request.json> [--db FILE] [--as-of YYYY-MM-DD] [--json]',
  positionals: ['the request file'],
  options: { db: 'string', 'as-of': 'string', json: 'boolean' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const file = positionals[0]!;
  const request = readRequestFile(file);
  return withService(values.db, async (service, path) => {
    const asOf = asOfOption(values['as-of'], () => service.today());
    const c = await service.confirm(request, asOf);
    if (c.ok) {
      if (values.json) outJson({ ...c.result, promise_id: c.id });
      else out(`Confirmed ${c.id} for ${c.result.customer}.`);
      return 0;
    }
    if (c.kind === 'conflict') throw new InputError(c.message);
    if (c.kind !== 'not_ok') failCheck(c, file, path);
    const r = c.result;
    if (values.json) outJson({ ...r, promise_id: null });
    const status = r.status === 'needs_approval' ? 'needs approval' : 'is not feasible';
    err(`Not confirmed: the check ${status} (only an ok check can be confirmed; submit it for approval instead).`);
    r.lines.forEach((l, i) => {
      for (const reason of l.reasons) err(`line ${i + 1} (${l.sku}): ${reason.code}: ${reason.message}`);
    });
    return 1;
  });
}
