/**
 * The grid's keys, as a spreadsheet has them: arrows, Page Up/Down, Home/End (with Ctrl: to the
 * edge; with Shift: extending the range), Enter or F2 or typing to edit, Delete to clear the
 * range, Ctrl+D to fill it down, Ctrl+A to select everything. In a filter box the arrows leave it
 * only at the edges of its text. Header rows are -2 (names) and -1 (filters).
 */
import type { KeyboardEvent } from 'react';
import type { GridRow } from './edit-state';
import { clearRange, fillDown, type CellChanges, type Range } from './grid-range';

export interface GridKeyContext {
  viewRows: readonly GridRow[];
  columns: number;
  activeIndex: number;
  activeCol: number;
  range: Range | null;
  /** Rows a page moves. */
  pageRows: number;
  editing: boolean;
  moveTo(index: number, col: number, extend?: boolean): void;
  selectAll(): void;
  startEdit(text?: string): void;
  edit(changes: CellChanges): void;
  onNotice?(message: string): void;
}

export function gridKeys(g: GridKeyContext) {
  const { viewRows, activeIndex: at, activeCol: col, range } = g;

  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>, c: number) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const go = (index: number, to: number) => {
      e.preventDefault();
      e.stopPropagation();
      g.moveTo(index, to);
    };
    if (e.key === 'ArrowDown') go(0, c);
    else if (e.key === 'ArrowUp') go(-2, c);
    else if (e.key === 'ArrowLeft' && atStart) go(-1, c - 1);
    else if (e.key === 'ArrowRight' && atEnd) go(-1, c + 1);
    else e.stopPropagation();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (g.editing) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const shift = e.shiftKey;
    const last = viewRows.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => g.moveTo(ctrl ? last : at + 1, col, shift),
      ArrowUp: () => g.moveTo(ctrl ? 0 : at - 1, col, shift && at > 0),
      ArrowRight: () => g.moveTo(at, ctrl ? g.columns - 1 : col + 1, shift),
      ArrowLeft: () => g.moveTo(at, ctrl ? 0 : col - 1, shift),
      PageDown: () => g.moveTo(Math.max(0, at) + g.pageRows, col, shift),
      PageUp: () => g.moveTo(Math.max(0, at - g.pageRows), col, shift),
      Home: () => g.moveTo(ctrl ? 0 : at, 0, shift),
      End: () => g.moveTo(ctrl ? last : at, g.columns - 1, shift),
    };
    const move = keys[e.key];
    if (move) {
      e.preventDefault();
      return move();
    }
    if (at < 0 || !range) return; // a header: its own keys (grid-header.tsx)
    const key = e.key.toLowerCase();
    if (ctrl && key === 'd') {
      e.preventDefault();
      const changes = fillDown(viewRows, range);
      g.edit(changes);
      g.onNotice?.(changes.size ? `Filled down ${changes.size} ${changes.size === 1 ? 'row' : 'rows'}.` : 'Nothing to fill down.');
    } else if (ctrl && key === 'a') {
      e.preventDefault();
      g.selectAll();
    } else if (!ctrl && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      g.startEdit();
    } else if (!ctrl && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      g.edit(clearRange(viewRows, range));
    } else if (e.key.length === 1 && !ctrl && !e.altKey && viewRows[at]) {
      e.preventDefault();
      g.startEdit(e.key);
    }
  };

  return { onKeyDown, onFilterKey };
}
