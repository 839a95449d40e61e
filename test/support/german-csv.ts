/**
 * A workbook folder as German Excel saves "CSV UTF-8 (durch Trennzeichen getrennt)": a byte order
 * mark, `;` between fields, `,` as the decimal mark, CRLF line ends. Made from a comma-separated
 * export, for tests of the locale convention (`workbook.md`).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnKinds } from '../../main/workbook/column-kinds';
import type { TableName } from '../../shared/schemas/workbook';

/** Rewrites every .csv file of `dir` in place in the German convention. */
export function germanize(dir: string): void {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const table = file.slice(0, -4) as TableName;
    const kinds = columnKinds(table);
    const [header, ...rows] = parse(readFileSync(join(dir, file), 'utf8'), { bom: true }) as string[][];
    const numeric = header!.map((h) => kinds[h] === 'number' || (table === 'policy' && h === 'value'));
    const out = rows.map((r) => r.map((cell, i) => (numeric[i] && /^-?\d+\.\d+$/.test(cell) ? cell.replace('.', ',') : cell)));
    writeFileSync(join(dir, file), `\uFEFF${stringify([header!, ...out], { delimiter: ';', record_delimiter: '\r\n' })}`);
  }
}
