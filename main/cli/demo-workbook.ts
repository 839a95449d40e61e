/** `demo-workbook <folder|file.xlsx> [--today YYYY-MM-DD]`: writes the demo plant of that day (today by default). */
import { demoWorkbook } from '../demo/demo-workbook';
import { localToday } from '../services/dates';
import { exportWorkbook } from '../workbook/export-workbook';
import { asOfOption, parseCommand } from './args';
import { out } from './output';

export const spec = {
  usage: 'demo-workbook <folder|file.xlsx> [options]',
  about: 'Writes the demo plant (a pump maker near Stuttgart, dated from --today) as a workbook, to try the app or the command line with.',
  positionals: ['the folder or .xlsx file to write'],
  options: { today: { type: 'string', value: 'YYYY-MM-DD', help: 'the day the demo plant starts from (default: today)' } },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const today = asOfOption(values.today, () => localToday());
  await exportWorkbook(demoWorkbook(today), positionals[0]!);
  out(`Wrote the demo plant as of ${today} to ${positionals[0]}.`);
  return 0;
}
