/**
 * When a table's header does not read, the likely cause in one sentence: the usual ways a file
 * saved from a spreadsheet goes wrong (another separator, names typed differently, the header not
 * on line 1, the file of another table), so a planner sees why instead of fifty errors.
 */
import { TABLES, TABLE_NAMES, type TableName } from '../../shared/schemas/workbook';

const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * `header`: the header's cells as read; `firstRows`: the cells of the next few rows. Returns null
 * when no cause stands out.
 */
export function headerHint(table: TableName, header: readonly (string | null)[], firstRows: readonly (readonly unknown[])[], format: 'csv' | 'xlsx'): string | null {
  const cells = header.map((h) => h ?? '');
  const columns = TABLES[table].columns;
  const known = new Set<string>(columns);
  const joined = cells.join('');
  if (format === 'csv' && cells.length === 1 && joined.includes('\t'))
    return 'The file looks separated by tabs ("Unicode Text"): save it as "CSV UTF-8" (comma- or semicolon-separated).';
  if (format === 'csv' && cells.length === 1 && /[|]/.test(joined))
    return 'The file looks separated by "|": save it from the spreadsheet as "CSV UTF-8", whose fields are separated by commas or semicolons.';
  if (cells.some((c) => !known.has(c) && known.has(norm(c))))
    return `Column names are written exactly as in the template, in lower case with underscores (${columns.join(', ')}).`;
  // Every name is a column of another table: the file of that table under this one's name.
  const other = TABLE_NAMES.find((t) => t !== table && cells.length >= 2 && cells.every((c) => (TABLES[t].columns as readonly string[]).includes(norm(c))));
  if (other) return `These are the columns of ${other}${format === 'csv' ? '.csv' : ''}: is the ${format === 'csv' ? 'file' : 'sheet'} named after the wrong table?`;
  const knownIn = (row: readonly unknown[]) => row.filter((c) => typeof c === 'string' && known.has(norm(c))).length;
  if (knownIn(cells) === 0) {
    const below = firstRows.findIndex((r) => knownIn(r) >= Math.min(2, columns.length));
    if (below >= 0) return `The header must be on line 1, but it seems to be on line ${below + 2}: remove the lines above it.`;
    if (cells.some((c) => /^\s*[\d.,;+-]+\s*$/.test(c) || /^\d{4}-\d{2}-\d{2}$/.test(c.trim())))
      return `Line 1 holds values, not column names: the header row (${columns.join(', ')}) must come first.`;
  }
  return null;
}
