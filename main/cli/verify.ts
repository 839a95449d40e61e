/**
 * `verify <file.pdf|file.json|-> [--db FILE] [--json]`: exit 0 and `intact: signed by NAME (ROLE)
 * on DATE` when every signature holds with its signer's key in this database; exit 1 and what is
 * wrong otherwise (altered, signature invalid, signer unknown here, another key).
 */
import { verifySummary } from '../services/summary-service';
import { parseCommand } from './args';
import { readInput } from './input-file';
import { withDesk } from './open-desk';
import { JSON_OPTION, STORE_OPTIONS } from './options';
import { err, out, outJson } from './output';

export const spec = {
  usage: 'verify <file.pdf|file.json|-> [options]',
  about:
    "Checks a signed summary (a PDF or its JSON, or standard input for -) against this database: every signature, each signer's key and role at the time, and that the PDF's text says what the signed summary says. Exit 0 when intact, exit 1 with what is wrong.",
  positionals: ['the summary file'],
  options: { ...STORE_OPTIONS, ...JSON_OPTION },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const bytes = readInput(positionals[0]!, 'summary');
  return withDesk(values, async (desk) => {
    const v = await verifySummary(desk.people, bytes, desk.promises);
    if (values.json) {
      outJson(
        v.intact
          ? {
              intact: true,
              message: v.message,
              code: v.code,
              promise_id: v.summary.promise_id,
              copy: v.summary.copy,
              signatures: v.signatures.map((s) => ({ signer: s.signer, role: s.role, signed_at: s.signed_at })),
            }
          : { intact: false, problem: v.problem, message: v.message, code: v.code },
      );
    }
    if (v.intact) {
      if (!values.json) out(v.message);
      return 0;
    }
    err(v.message);
    return 1;
  }, { readOnly: true });
}
