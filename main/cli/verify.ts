/**
 * `verify <file.pdf|file.json> [--db FILE]`: exit 0 and `intact: signed by NAME (ROLE) on DATE`
 * when every signature holds with its signer's key in this database; exit 1 and what is wrong
 * otherwise (altered, signature invalid, signer unknown here, another key).
 */
import { readFileSync } from 'node:fs';
import { verifySummary } from '../services/summary-service';
import { InputError, parseCommand } from './args';
import { withDesk } from './open-desk';
import { err, out } from './output';

export const spec = {
  usage: 'verify <file.pdf|file.json> [--db FILE]',
  positionals: ['the summary file'],
  options: { db: 'string' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  return withDesk(values.db, async (desk) => {
    const v = await verifySummary(desk.people, bytes, desk.promises);
    if (v.intact) {
      out(v.message);
      return 0;
    }
    err(v.message);
    return 1;
  }, { readOnly: true });
}
