/** `workbook-template <folder|file.xlsx>`: writes a blank workbook: every table's header and one example row. */
import { exportWorkbook, templateWorkbook } from '../workbook/export-workbook';
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
  await exportWorkbook(templateWorkbook(), positionals[0]!);
  out(`Wrote a blank workbook (headers and one example row per table) to ${positionals[0]}.`);
  return 0;
}
