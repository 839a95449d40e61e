/**
 * `confirm` and `submit <request.json> [--db FILE] [--as-of D] [--json] [--user NAME]`: check a
 * request and record it as a promise (confirmed when `ok`, awaiting approval when it needs one).
 * Prints the promise id; `--json` prints the check's JSON with `promise_id` (null when refused).
 */
import { asOfOption, InputError, parseCommand } from './args';
import { failCheck } from './check';
import { actingUser, withDesk } from './open-desk';
import { err, out, outJson } from './output';
import { readRequestFile } from './request-file';

export function recordCommand(name: 'confirm' | 'submit') {
  const spec = {
    usage: `${name} <request.json> [--db FILE] [--as-of YYYY-MM-DD] [--json] [--user NAME]`,
    positionals: ['the request file'],
    options: { db: 'string', 'as-of': 'string', json: 'boolean', user: 'string' },
  } as const;
  async function run(argv: readonly string[]): Promise<number> {
    const { positionals, values } = parseCommand(argv, spec);
    const file = positionals[0]!;
    const request = readRequestFile(file);
    return withDesk(values.db, async (desk, path) => {
      const asOf = asOfOption(values['as-of'], () => desk.checks.today());
      const actor = await actingUser(desk, values.user);
      const o = name === 'confirm' ? await desk.promises.confirm(actor, { request }, asOf) : await desk.promises.submit(actor, { request }, asOf);
      if (o.ok) {
        if (values.json) outJson({ ...o.result, promise_id: o.id });
        else out(values.json ? o.id : o.message);
        return 0;
      }
      if (o.kind === 'request') failCheck({ ok: false, kind: 'request', issues: o.issues ?? [] }, file, path);
      if (o.kind === 'no_plant') failCheck({ ok: false, kind: 'no_plant', message: o.message }, file, path);
      if (!o.result) throw new InputError(o.message);
      if (values.json) outJson({ ...o.result, promise_id: null });
      err(o.message);
      return 1;
    });
  }
  return { spec, run };
}
