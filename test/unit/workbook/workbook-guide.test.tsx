// @vitest-environment jsdom
/**
 * The planners' guide (docs/workbook.md) covers every table and every column with the meaning and
 * example the app shows on the grid's headers and in the template's notes, and the Help screen
 * shows it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpScreen } from '../../../renderer/screens/help/help-screen';
import { COLUMN_NOTES, columnNote } from '../../../shared/schemas/column-notes';
import { TABLES, TABLE_NAMES } from '../../../shared/schemas/workbook';

const guide = readFileSync(join(import.meta.dirname, '../../../docs/workbook.md'), 'utf8');
afterEach(cleanup);

/** The guide's section of one table: from its `## name` heading to the next heading of that level. */
function section(table: string): string {
  const start = guide.indexOf(`\n## ${table}\n`);
  if (start < 0) return '';
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end < 0 ? undefined : end);
}

describe('the workbook guide', () => {
  it.each(TABLE_NAMES)('explains every column of %s, with an example', (table) => {
    const text = section(table);
    expect(text, `docs/workbook.md has no section "## ${table}"`).not.toBe('');
    expect(text).toMatch(TABLES[table].optional ? /\*Optional\.\*/ : /\*\*Required/);
    for (const c of TABLES[table].columns) {
      const n = columnNote(table, c)!;
      const example = n.example === '' ? '(empty)' : `\`${n.example}\``;
      expect(text, `docs/workbook.md, ${table}: the row of ${c} differs from shared/schemas/column-notes.ts`).toContain(`| ${c} | ${n.meaning} | ${example} |`);
    }
  });

  it('has a note for exactly the columns of each table', () => {
    for (const t of TABLE_NAMES) expect(Object.keys(COLUMN_NOTES[t]).sort()).toEqual([...TABLES[t].columns].sort());
  });

  it('is shown on the Help screen, its tables as tables', () => {
    render(<HelpScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'The operations workbook: a guide for planners' })).toBeTruthy();
    const heading = screen.getByRole('heading', { level: 2, name: 'resources' });
    const table = heading.parentElement!.querySelectorAll('table');
    const rows = [...table].flatMap((t) => within(t as HTMLElement).getAllByRole('row').map((r) => r.textContent));
    expect(rows).toContain('cost_per_hourCost of one regular hour.45');
  });
});
