/** `export-workbook <folder|file.xlsx> [--db FILE] [--json]`: writes the current operations tables as a workbook. */
import { exportWorkbook } from '../workbook/export-workbook';
import { InputError, parseCommand } from './args';
import { noPlantMessage } from './check';
import { withService } from './open-store';
import { JSON_OPTION, STORE_OPTIONS } from './options';
import { out, outJson } from './output';

export const spec = {
  usage: 'export-workbook <folder|file.xlsx> [options]',
  about: 'Writes the current operations tables in the workbook format: a folder of CSV files, or one .xlsx file when the name ends in .xlsx. Importing it gives the same tables.',
  positionals: ['the folder or .xlsx file to write'],
  options: { ...STORE_OPTIONS, ...JSON_OPTION },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseCommand(argv, spec);
  const target = positionals[0]!;
  return withService(values, async (service, path) => {
    const plant = await service.store.loadPlant();
    if (!plant) throw new InputError(noPlantMessage(path));
    const r = await exportWorkbook(plant.workbook, target);
    if (values.json) outJson({ ok: true, path: target, format: r.format, files: r.files, data_version: plant.dataVersion });
    else out(`Wrote the tables of data version ${plant.dataVersion} to ${target} (${r.format === 'csv' ? `${r.files.length} CSV files` : '.xlsx'}).`);
    return 0;
  }, { readOnly: true });
}
