/** `workbook-template <folder|file.xlsx>`: writes a blank workbook: every table's header and one example row (an .xlsx with its help, template-xlsx.ts). */
import { exportTemplate } from '../workbook/template-xlsx';
import { parseCommand } from './args';
import { out } from './output';

export const spec = {
  usage: 'workbook-template <folder|file.xlsx>',
  about: 'Writes a blank workbook: every table with its header and one example row, to fill in and import.',
  positionals: ['the folder or .xlsx file to write'],
  options: {},
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals } = parseCommand(argv, spec);
  const { format } = await exportTemplate(positionals[0]!);
  const help = format === 'xlsx' ? ', an Instructions sheet, a note on every header and drop-down lists' : '';
  out(`Wrote a blank workbook (headers and one example row per table${help}) to ${positionals[0]}.`);
  return 0;
}
