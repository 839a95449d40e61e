/**
 * `export <id> --format pdf|json --copy customer|internal --out FILE [--db FILE]`: writes the signed
 * summary made when the promise was confirmed. Reading needs no user.
 */
import { writeFileSync } from 'node:fs';
import { exportSummary } from '../services/summary-service';
import { InputError, parseCommand, UsageError } from './args';
import { withDesk } from './open-desk';
import { err, out } from './output';

export const spec = {
  usage: 'export <promise id> --format pdf|json --copy customer|internal --out FILE [--db FILE]',
  positionals: ['the promise id'],
  options: { db: 'string', format: 'string', copy: 'string', out: 'string' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const { format, copy, out: file } = values;
  if (format !== 'pdf' && format !== 'json') throw new UsageError(`--format must be pdf or json\nusage: ${spec.usage}`);
  if (copy !== 'customer' && copy !== 'internal') throw new UsageError(`--copy must be customer or internal\nusage: ${spec.usage}`);
  if (!file) throw new UsageError(`--out FILE is required\nusage: ${spec.usage}`);
  return withDesk(values.db, async (desk) => {
    const r = await exportSummary(desk.promises, positionals[0]!, copy, format);
    if (!r.ok) {
      err(r.message);
      return 1;
    }
    try {
      writeFileSync(file, r.bytes);
    } catch (e) {
      throw new InputError(`Cannot write ${file}: ${(e as Error).message}`);
    }
    out(`Wrote the ${copy} copy of ${positionals[0]} to ${file}.`);
    return 0;
  }, { readOnly: true });
}
