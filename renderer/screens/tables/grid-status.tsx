/** Under the grid: the active cell's problem (announced politely) and how many rows are shown. */
import type { GridRow } from './edit-state';
import { describeRange, type Range } from './grid-range';

export function GridStatus(p: { row: GridRow | undefined; column: string; issue: string | undefined; shown: number; total: number; range: Range | null; names: readonly string[] }) {
  const { row, issue } = p;
  return (
    <>
      <p className="cell-problem" role="status" aria-live="polite">
        {row && issue ? `${row.state === 'new' ? 'New row' : `Row ${row.number}`}, ${p.column}: ${issue}` : ''}
      </p>
      <p className="grid-count">
        {p.shown === p.total ? `${p.total.toLocaleString()} rows` : `${p.shown.toLocaleString()} of ${p.total.toLocaleString()} rows shown (filtered)`}
        {p.range ? ` · ${describeRange(p.range, p.names)}` : ''}
      </p>
    </>
  );
}
