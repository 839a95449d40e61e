/**
 * The grid's two header rows: each column's name (click or Enter sorts; its meaning from the
 * workbook's column notes as tooltip and description; a handle to drag its width) and its filter.
 * They are part of the grid's arrow-key movement: one tab stop for the whole grid.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import type { TableName } from '../../../shared/schemas/workbook';
import { columnNote } from '../../../shared/schemas/column-notes';

export const HEAD = '#head';
export const FILTER = '#filter';
export const MIN_WIDTH = 48;

export interface HeaderColumn {
  id: string;
  sorted: false | 'asc' | 'desc';
  filter: string;
  toggleSort(): void;
  setFilter(text: string): void;
}

interface Props {
  table: TableName;
  columns: readonly HeaderColumn[];
  widths: readonly number[];
  /** The active header cell: which row and column, or null when a data cell is active. */
  active: { row: typeof HEAD | typeof FILTER; col: number } | null;
  onActivate(row: typeof HEAD | typeof FILTER, col: number): void;
  onResize(col: number, width: number): void;
  /** Keys of a filter box the grid handles (arrows out of it). */
  onFilterKey(e: KeyboardEvent<HTMLInputElement>, col: number): void;
}

/** TanStack's headers as the header rows need them. */
export function headerColumns(
  headers: readonly { id: string; column: { getIsSorted(): false | 'asc' | 'desc'; getFilterValue(): unknown; toggleSorting(desc?: boolean, multi?: boolean): void; setFilterValue(v: unknown): void } }[],
): HeaderColumn[] {
  return headers.map((h) => ({
    id: h.id,
    sorted: h.column.getIsSorted(),
    filter: (h.column.getFilterValue() as string | undefined) ?? '',
    toggleSort: () => h.column.toggleSorting(undefined, false),
    setFilter: (v: string) => h.column.setFilterValue(v || undefined),
  }));
}

export const headId = (table: string, col: number) => `head-${table}-${col}`;
export const filterId = (table: string, col: number) => `filter-${table}-${col}`;

export function GridHeader({ table, columns, widths, active, onActivate, onResize, onFilterKey }: Props) {
  const drag = (e: PointerEvent<HTMLSpanElement>, col: number) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const start = widths[col]!;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => onResize(col, Math.max(MIN_WIDTH, Math.round(start + m.clientX - startX)));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };
  return (
    <>
      <div className="grid-row" role="row" aria-rowindex={1}>
        <div role="columnheader" className="grid-num">
          Row
        </div>
        {columns.map((h, c) => {
          const note = columnNote(table, h.id);
          const isActive = active?.row === HEAD && active.col === c;
          return (
            <div
              key={h.id}
              id={headId(table, c)}
              role="columnheader"
              aria-colindex={c + 2}
              aria-sort={h.sorted === 'asc' ? 'ascending' : h.sorted === 'desc' ? 'descending' : 'none'}
              aria-describedby={note ? `${headId(table, c)}-note` : undefined}
              tabIndex={isActive ? 0 : -1}
              className={`head${isActive ? ' active' : ''}`}
              title={note ? `${note.meaning} Example: ${note.example || '(empty)'}. Click to sort.` : 'Click to sort.'}
              onClick={() => {
                onActivate(HEAD, c);
                h.toggleSort();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  h.toggleSort();
                } else if ((e.ctrlKey || e.metaKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
                  // Ctrl+arrows on a header: narrower or wider, the keyboard's way to drag the edge.
                  e.preventDefault();
                  e.stopPropagation();
                  onResize(c, Math.max(MIN_WIDTH, widths[c]! + (e.key === 'ArrowLeft' ? -16 : 16)));
                }
              }}
            >
              <span className="head-name">{h.id}</span>
              <span aria-hidden="true">{h.sorted === 'asc' ? ' ▲' : h.sorted === 'desc' ? ' ▼' : ''}</span>
              {note && (
                // Hidden: a description (read after the name), not part of the header's name.
                <span id={`${headId(table, c)}-note`} hidden>
                  {note.meaning}
                </span>
              )}
              <span className="resize" aria-hidden="true" onPointerDown={(e) => drag(e, c)} onClick={(e) => e.stopPropagation()} />
            </div>
          );
        })}
      </div>
      <div className="grid-row filters" role="row" aria-rowindex={2}>
        <div role="gridcell" className="grid-num" />
        {columns.map((h, c) => (
          <div key={h.id} role="gridcell" aria-colindex={c + 2}>
            <input
              id={filterId(table, c)}
              type="search"
              aria-label={`Filter ${h.id}`}
              placeholder="filter"
              tabIndex={active?.row === FILTER && active.col === c ? 0 : -1}
              value={h.filter}
              onFocus={() => onActivate(FILTER, c)}
              onChange={(e) => h.setFilter(e.target.value)}
              onKeyDown={(e) => onFilterKey(e, c)}
            />
          </div>
        ))}
      </div>
    </>
  );
}
