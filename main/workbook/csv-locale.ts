/**
 * Locale CSV (`workbook.md`): a file whose header line is separated by semicolons (what Excel
 * saves in German, French and other locales) is read with `;` between fields and `,` as the
 * decimal mark; a comma-separated file uses `.`. One file uses one convention, told by its header.
 */
import { TABLES, type TableName } from '../../shared/schemas/workbook';
import { columnKinds } from './column-kinds';
import type { WorkbookIssue } from './issues';
import type { RawRow } from './raw-workbook';

export type Separator = ',' | ';';

/** The header line's separator: `;` when it has more semicolons than commas outside quotes. */
export function headerSeparator(text: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ';') semicolons++;
    else if (c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

// A number with a decimal comma: `12,5`, `-0,25`, `7`. No thousands separators.
const COMMA_NUMBER = /^\s*[+-]?\d*,?\d*\s*$/;

/** The columns of a table that hold numbers (the policy's `value` holds one for every key but `currency`). */
function numberColumns(table: TableName): Set<string> {
  const kinds = columnKinds(table);
  return new Set(TABLES[table].columns.filter((c) => kinds[c] === 'number' || (table === 'policy' && c === 'value')));
}

/**
 * Rewrites the decimal commas of a semicolon file's number cells as points, in place. A number
 * cell with a point is refused: in these locales `1.000` means a thousand, so guessing could
 * turn a thousand hours into one.
 */
export function readDecimalCommas(file: string, table: TableName, header: readonly string[], rows: RawRow[], issues: WorkbookIssue[]): void {
  const numbers = numberColumns(table);
  const keyAt = table === 'policy' ? header.indexOf('key') : -1;
  const positions = header.map((h, i) => [h, i] as const).filter(([h]) => numbers.has(h));
  for (const row of rows) {
    // The policy's currency is text (`EUR`); its other values are numbers.
    if (keyAt >= 0 && row.cells[keyAt] === 'currency') continue;
    for (const [column, i] of positions) {
      const v = row.cells[i];
      if (typeof v !== 'string' || v === '') continue;
      if (v.includes('.') && /^\s*[+-]?[\d.]*,?\d*\s*$/.test(v)) {
        issues.push({ file, line: row.line, column, reason: `in a file separated by semicolons the decimal mark is a comma (write ${v.replace(/\./g, ',')} for a decimal; write no thousands separator), got ${v}` });
        continue;
      }
      if (COMMA_NUMBER.test(v)) row.cells[i] = v.replace(',', '.');
    }
  }
}
