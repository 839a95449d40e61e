/**
 * `export <id> --format pdf|json --copy customer|internal --out FILE [--db FILE] [--json]`: writes
 * the signed summary made when the promise was confirmed. Reading needs no user.
 */
import { writeFileSync } from 'node:fs';
import { exportSummary } from '../services/summary-service';
import { InputError, parseCommand, usageError } from './args';
import { withDesk } from './open-desk';
import { JSON_OPTION, STORE_OPTIONS } from './options';
import { err, out, outJson } from './output';

export const spec = {
  usage: 'export <promise id> --format pdf|json --copy customer|internal --out FILE [options]',
  about: 'Writes the signed summary of a confirmed (or fulfilled) promise, as made when it was confirmed: a PDF with the signed JSON inside, or the JSON itself.',
  positionals: ['the promise id'],
  options: {
    ...STORE_OPTIONS,
    format: { type: 'string', value: 'pdf|json', help: 'the file format (required)' },
    copy: { type: 'string', value: 'customer|internal', help: 'which copy: the customer copy has no cost, margin, reason or approval comment (required)' },
    out: { type: 'string', value: 'FILE', help: 'where to write it (required)' },
    ...JSON_OPTION,
  },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const { format, copy, out: file } = values;
  if (format !== 'pdf' && format !== 'json') throw usageError(spec, '--format must be pdf or json');
  if (copy !== 'customer' && copy !== 'internal') throw usageError(spec, '--copy must be customer or internal');
  if (!file) throw usageError(spec, '--out FILE is required');
  const id = positionals[0]!;
  return withDesk(values, async (desk) => {
    const r = await exportSummary(desk.promises, id, copy, format);
    if (!r.ok) {
      if (values.json) outJson({ ok: false, id, reason: r.kind, message: r.message });
      err(r.message);
      return 1;
    }
    try {
      writeFileSync(file, r.bytes);
    } catch (e) {
      throw new InputError(`Cannot write ${file}: ${(e as Error).message}`);
    }
    if (values.json) outJson({ ok: true, id, copy, format, path: file, bytes: r.bytes.length, media_type: r.mediaType });
    else out(`Wrote the ${copy} copy of ${id} to ${file}.`);
    return 0;
  }, { readOnly: true });
}
