/**
 * `confirm` and `submit <request.json> [--db FILE] [--as-of D] [--json] [--user NAME]`: check a
 * request and record it as a promise (confirmed when `ok`, awaiting approval when it needs one).
 * Prints the promise id; `--json` prints the check's JSON with `promise_id` (null when refused).
 */
import { asOfOption, InputError, parseCommand } from './args';
import { failCheck } from './check';
import { actingUser, withDesk } from './open-desk';
import { err, out, outJson } from './output';
import { timesForPeople } from './times';
import { readRequestFile } from './request-file';
import { AS_OF_OPTION, JSON_OPTION, STORE_OPTIONS, USER_OPTION } from './options';

const ABOUT = {
  confirm:
    'Checks a request (a JSON file, or standard input for -) and, when the status is ok, records the promise and what it holds and prints its id; otherwise exit 1 with the status and reasons.',
  submit:
    'Checks a request (a JSON file, or standard input for -) that needs approval, holds what its plans use for the policy\'s hold days and asks operations and/or a manager to approve; prints the promise id.',
};

export function recordCommand(name: 'confirm' | 'submit') {
  const spec = {
    usage: `${name} <request.json|-> [options]`,
    about: ABOUT[name],
    positionals: ['the request file'],
    options: { ...STORE_OPTIONS, ...AS_OF_OPTION, ...USER_OPTION, ...JSON_OPTION },
  } as const;
  async function run(argv: readonly string[]): Promise<number> {
    const { positionals, values } = parseCommand(argv, spec);
    const file = positionals[0]!;
    const request = readRequestFile(file);
    return withDesk(values, async (desk, path) => {
      const asOf = asOfOption(values['as-of'], () => desk.checks.today());
      const actor = await actingUser(desk, values.user);
      const o = name === 'confirm' ? await desk.promises.confirm(actor, { request }, asOf) : await desk.promises.submit(actor, { request }, asOf);
      if (o.ok) {
        if (values.json) outJson({ ...o.result, promise_id: o.id });
        else out(timesForPeople(o.message));
        return 0;
      }
      if (o.kind === 'request') failCheck({ ok: false, kind: 'request', issues: o.issues ?? [] }, file, path);
      if (o.kind === 'no_plant') failCheck({ ok: false, kind: 'no_plant', message: o.message }, file, path);
      if (!o.result) throw new InputError(o.message);
      if (values.json) outJson({ ...o.result, promise_id: null });
      err(timesForPeople(o.message));
      return 1;
    });
  }
  return { spec, run };
}
