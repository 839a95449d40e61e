/**
 * A block pasted at the active cell: rows go down the rows as shown (sorted, filtered), cells go
 * right from the active column; rows past the last become new rows, cells past the last column
 * are left out, and rows marked removed are skipped. Says in a sentence what happened.
 */
import { parseTsv } from '../../../shared/edits/tsv';
import type { GridRow } from './edit-state';

export interface Pasted {
  changes: Map<string, Map<number, string>>;
  added: string[][];
  message: string;
}

export function pasteBlock(text: string, view: readonly GridRow[], startRow: number, startCol: number, columns: number): Pasted {
  const block = parseTsv(text);
  const changes = new Map<string, Map<number, string>>();
  const added: string[][] = [];
  let cut = 0;
  let skipped = 0;
  block.forEach((line, r) => {
    const target = view[startRow + r];
    if (target?.state === 'deleted') {
      skipped++;
      return;
    }
    const cols = new Map<number, string>();
    line.forEach((v, k) => {
      const c = startCol + k;
      if (c < columns) cols.set(c, v);
      else if (v !== '') cut++;
    });
    if (target) changes.set(target.id, cols);
    else {
      const cells = Array.from({ length: columns }, () => '');
      for (const [c, v] of cols) cells[c] = v;
      added.push(cells);
    }
  });
  const notes = [
    `Pasted ${block.length} ${block.length === 1 ? 'row' : 'rows'}${added.length ? `, ${added.length} of them as new rows` : ''}.`,
    cut ? `${cut} ${cut === 1 ? 'cell' : 'cells'} past the last column ${cut === 1 ? 'was' : 'were'} left out.` : '',
    skipped ? `${skipped} removed ${skipped === 1 ? 'row was' : 'rows were'} skipped.` : '',
  ];
  return { changes, added, message: notes.filter(Boolean).join(' ') };
}
