/**
 * One cell of the grid: its text, or an input while it is edited. A cell with a problem is
 * `aria-invalid` and described by its reason (read out with the cell, shown on hover and, for the
 * active cell, under the grid). Enter or Tab keeps the edit and moves on, Escape drops it.
 */
import { useRef } from 'react';

export type Move = 'down' | 'up' | 'right' | 'left';

export interface GridCellProps {
  id: string;
  column: string;
  /** Position among the grid's columns, for aria-colindex. */
  colIndex: number;
  /** "row 3" or "new row 1": part of the cell's name. */
  rowName: string;
  text: string;
  edited: boolean;
  issue: string | undefined;
  active: boolean;
  /** The text being typed, while this cell is edited. */
  editText: string | null;
  onActivate(): void;
  onStartEdit(): void;
  onEditText(text: string): void;
  onCancel(): void;
  onCommit(text: string, move: Move | null): void;
}

export function GridCell(p: GridCellProps) {
  // Enter, Tab or Escape end the edit; the blur that follows must not commit it a second time.
  const ended = useRef(false);
  return (
    <div
      id={p.id}
      role="gridcell"
      aria-colindex={p.colIndex}
      tabIndex={p.active ? 0 : -1}
      aria-invalid={p.issue ? true : undefined}
      aria-describedby={p.issue ? `${p.id}-issue` : undefined}
      aria-label={`${p.column}, ${p.rowName}`}
      className={`cell${p.active ? ' active' : ''}${p.issue ? ' invalid' : ''}${p.edited ? ' edited' : ''}`}
      title={p.issue}
      onClick={p.onActivate}
      onDoubleClick={p.onStartEdit}
    >
      {p.editText !== null ? (
        <input
          className="cell-input"
          aria-label={`Edit ${p.column}, ${p.rowName}`}
          autoFocus
          onFocus={() => {
            ended.current = false;
          }}
          value={p.editText}
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
