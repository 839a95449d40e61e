/**
 * One cell of the grid: its text, or an input while it is edited. Its accessible name carries its
 * column, its row and its value ("cost_per_hour, row 3: 45"). A cell with a problem is
 * `aria-invalid` and described by its reason (read out with the cell, shown on hover and, for the
 * active cell, under the grid). Enter or Tab keeps the edit and moves on, Escape drops it.
 * Pressing the mouse on a cell makes it active (with Shift: extends the selection to it);
 * dragging over cells selects them (the grid decides, from `onPointerEnter`).
 */
import { useEffect, useRef } from 'react';
import type { GridRow } from './edit-state';

export type Move = 'down' | 'up' | 'right' | 'left';

export interface GridCellProps {
  id: string;
  column: string;
  /** Position among the grid's columns, for aria-colindex. */
  colIndex: number;
  /** "row 3" or "new row 1": part of the cell's name. */
  rowName: string;
  text: string;
  /** A number column: right-aligned, figures in equal widths. */
  numeric: boolean;
  edited: boolean;
  issue: string | undefined;
  active: boolean;
  /** Inside a selected range of more than one cell. */
  selected: boolean;
  /** The text being typed, while this cell is edited. */
  editText: string | null;
  onPointerSelect(extend: boolean): void;
  onPointerEnter(): void;
  onStartEdit(): void;
  onEditText(text: string): void;
  onCancel(): void;
  onCommit(text: string, move: Move | null): void;
}

export function GridCell(p: GridCellProps) {
  // Enter, Tab or Escape end the edit; the blur that follows must not commit it a second time.
  const ended = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const isEditing = p.editText !== null;
  useEffect(() => {
    if (!isEditing) return;
    ended.current = false;
    input.current?.focus();
  }, [isEditing]);
  const classes = ['cell', p.active && 'active', p.selected && 'in-range', p.issue && 'invalid', p.edited && 'edited', p.numeric && 'num'].filter(Boolean).join(' ');
  return (
    <div
      id={p.id}
      role="gridcell"
      aria-colindex={p.colIndex}
      aria-selected={p.selected || p.active}
      tabIndex={p.active ? 0 : -1}
      aria-invalid={p.issue ? true : undefined}
      aria-describedby={p.issue ? `${p.id}-issue` : undefined}
      aria-label={`${p.column}, ${p.rowName}: ${p.text === '' ? 'empty' : p.text}`}
      className={classes}
      title={p.issue}
      onMouseDown={(e) => {
        if (e.button !== 0 || isEditing) return;
        // The grid moves the focus itself; the browser's text selection would fight the range.
        e.preventDefault();
        p.onPointerSelect(e.shiftKey);
      }}
      onMouseEnter={(e) => {
        if (e.buttons & 1) p.onPointerEnter();
      }}
      onDoubleClick={p.onStartEdit}
    >
      {isEditing ? (
        <input
          ref={input}
          className="cell-input"
          aria-label={`Edit ${p.column}, ${p.rowName}`}
          value={p.editText ?? ''}
          onChange={(e) => p.onEditText(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') {
              e.preventDefault();
              ended.current = true;
              p.onCancel();
            } else if (e.key === 'Enter' || e.key === 'Tab') {
              e.preventDefault();
              const move: Move = e.key === 'Enter' ? (e.shiftKey ? 'up' : 'down') : e.shiftKey ? 'left' : 'right';
              ended.current = true;
              p.onCommit(p.editText ?? '', move);
            }
          }}
          onBlur={() => {
            if (!ended.current) p.onCommit(p.editText ?? '', null);
          }}
        />
      ) : (
        <span className="cell-text">{p.text}</span>
      )}
      {p.issue && (
        <span id={`${p.id}-issue`} className="visually-hidden">
          {p.issue}
        </span>
      )}
    </div>
  );
}

/** A row's number (or "new"), with its state said in words to screen readers. */
export function RowHeader({ row }: { row: GridRow }) {
  return (
    <div role="rowheader" className="grid-num" title={row.state === 'base' ? undefined : row.state}>
      {row.state === 'new' ? 'new' : row.number}
      {row.state === 'changed' && <span className="visually-hidden"> changed</span>}
      {row.state === 'deleted' && <span className="visually-hidden"> removed</span>}
    </div>
  );
}
