/** `export-workbook <folder|file.xlsx> [--db FILE]`: writes the current operations tables as a workbook. */
import { exportWorkbook } from '../workbook/export-workbook';
import { InputError, parseCommand } from './args';
import { noPlantMessage } from './check';
import { withService } from './open-store';
import { out } from './output';

export const spec = {
  usage: 'export-workbook <folder|file.xlsx> [--db FILE]',
  positionals: ['the folder or .xlsx file to write'],
  options: { db: 'string' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const target = positionals[0]!;
  return withService(values.db, async (service, path) => {
    const plant = await service.store.loadPlant();
    if (!plant) throw new InputError(noPlantMessage(path));
    const r = await exportWorkbook(plant.workbook, target);
    out(`Wrote the tables of data version ${plant.dataVersion} to ${target} (${r.format === 'csv' ? `${r.files.length} CSV files` : '.xlsx'}).`);
    return 0;
  }, { readOnly: true });
}
