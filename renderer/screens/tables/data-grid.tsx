/**
 * The editable grid of one workbook table: TanStack Table for sorting and filtering, TanStack
 * Virtual for the rows (only those in view are in the page, so 100,000 rows scroll smoothly).
 * A spreadsheet's keys: arrows move, Enter or typing edits, Escape cancels, Delete clears, a
 * block copied from a spreadsheet pastes from the active cell (rows past the end are added).
 * Each cell with a problem says so at the cell (aria-invalid, its reason as its description)
 * and, when it is the active cell, in words under the grid.
 */
import { useTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { TABLES, type TableName } from '../../../shared/schemas/workbook';
import type { GridRow } from './edit-state';
import type { CellPos } from './find';
import { columnWidth, gridColumns, gridFeatures } from './grid-columns';
import { GridCell } from './grid-cell';
import { gridKeyAction } from './grid-keys';
import { pasteBlock } from './grid-paste';

export const ROW_HEIGHT = 32;

export interface GridProps {
  table: TableName;
  rows: readonly GridRow[];
  /** Problems by `rowId|column` (column empty for the whole row). */
  issues: ReadonlyMap<string, string>;
  selected: ReadonlySet<string>;
  onSelect(ids: ReadonlySet<string>): void;
  /** Cells changed: row id → column index → text (existing rows), and rows to add after the last. */
  onEdit(changes: Map<string, Map<number, string>>, added: string[][]): void;
  /** The rows in the order shown (sorted, filtered), for find and for the caller. */
  onViewChange?(rows: readonly GridRow[]): void;
  /** Ask the grid to show and focus a cell (find, "go to" a problem, a new row). */
  focus: (CellPos & { seq: number }) | null;
  /** Messages for people (a paste that did not fit). */
  onNotice?(message: string): void;
  /** Look, sort, filter, find and copy only (the person may not change these tables). */
  readOnly?: boolean;
}

const cellDomId = (table: string, rowId: string, col: number) => `cell-${table}-${rowId}-${col}`;

export function DataGrid({ table, rows, issues, selected, onSelect, onEdit, onViewChange, focus, onNotice, readOnly = false }: GridProps) {
  const columns = useMemo(() => gridColumns(table), [table]);
  const names = TABLES[table].columns;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const data = rows as GridRow[];
  const t = useTable({
    features: gridFeatures,
    columns,
    data,
    getRowId: (r: GridRow) => r.id,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
  });
  const view = t.getRowModel().rows;
  const viewRows = useMemo(() => view.map((r) => r.original), [view]);
  useEffect(() => onViewChange?.(viewRows), [viewRows, onViewChange]);
  const indexOf = useMemo(() => new Map(viewRows.map((r, i) => [r.id, i])), [viewRows]);

  const [active, setActive] = useState<CellPos>({ rowId: rows[0]?.id ?? '', col: 0 });
  const [editing, setEditing] = useState<{ rowId: string; col: number; text: string } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), [table]);

  const virtualizer = useVirtualizer({
    count: viewRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => viewRows[i]!.id,
    overscan: 12,
    scrollPaddingStart: headHeight,
    // Where there is no layout (a hidden window, jsdom in component tests) show a first screenful.
    initialRect: { width: 1000, height: 600 },
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1000, height: 600 })),
  });

  const activeIndex = indexOf.get(active.rowId) ?? -1;
  const moveTo = useCallback(
    (index: number, col: number) => {
      if (viewRows.length === 0) return;
      const i = Math.max(0, Math.min(viewRows.length - 1, index));
      const c = Math.max(0, Math.min(names.length - 1, col));
      setActive({ rowId: viewRows[i]!.id, col: c });
      virtualizer.scrollToIndex(i, { align: 'auto' });
    },
    [viewRows, names.length, virtualizer],
  );

  // Focus follows the active cell once it is rendered.
  const wantFocus = useRef(false);
  useEffect(() => {
    if (!wantFocus.current || editing) return;
    const el = document.getElementById(cellDomId(table, active.rowId, active.col));
    if (el && document.activeElement !== el) el.focus({ preventScroll: false });
  });

  useEffect(() => {
    if (!focus) return;
    const i = indexOf.get(focus.rowId);
    if (i === undefined) return;
    wantFocus.current = true;
    setEditing(null);
    moveTo(i, focus.col);
    // The request's sequence number makes a repeated "go to" the same cell work again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq]);

  const commit = (rowId: string, col: number, text: string) => {
    if (readOnly) return;
    const row = rows.find((r) => r.id === rowId);
    if (row && row.cells[col] === text) return;
    onEdit(new Map([[rowId, new Map([[col, text]])]]), []);
  };

  const startEdit = (text?: string) => {
    const row = viewRows[activeIndex];
    if (!row || row.state === 'deleted' || readOnly) return;
    setEditing({ rowId: row.id, col: active.col, text: text ?? row.cells[active.col] ?? '' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1);
    const ctrl = e.ctrlKey || e.metaKey;
    const clear = () => viewRows[activeIndex] && commit(viewRows[activeIndex].id, active.col, '');
    const f = gridKeyAction(e.key, ctrl, { index: activeIndex, col: active.col, page, rows: viewRows.length, cols: names.length }, { moveTo, startEdit: () => startEdit(), clear });
    if (f) {
      e.preventDefault();
      wantFocus.current = true;
      f();
      return;
    }
    if (e.key.length === 1 && !ctrl && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const p = pasteBlock(text, viewRows, Math.max(0, activeIndex), active.col, names.length);
    onEdit(p.changes, p.added);
    onNotice?.(p.message);
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const row = viewRows[activeIndex];
    if (!row) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', row.cells[active.col] ?? '');
  };

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };

  const template = `4.5rem 3.5rem ${names.map((c) => `${columnWidth(table, c)}px`).join(' ')}`;
  const activeRow = viewRows[activeIndex];
  const activeIssue = activeRow ? (issues.get(`${activeRow.id}|${names[active.col]}`) ?? issues.get(`${activeRow.id}|`)) : undefined;
  const items = virtualizer.getVirtualItems();
  const label = `${table} table`;

  return (
    <div className="data-grid">
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label={label}
        aria-readonly={readOnly || undefined}
        aria-rowcount={viewRows.length + 2}
        aria-colcount={names.length + 2}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        style={{ ['--grid-cols' as string]: template }}
      >
        <div ref={headRef} className="grid-head" role="rowgroup">
          <div className="grid-row" role="row" aria-rowindex={1}>
            <div role="columnheader" className="grid-num">
              Row
            </div>
            <div role="columnheader" className="grid-select">
              Select
            </div>
            {t.getHeaderGroups()[0]!.headers.map((h) => {
              const s = h.column.getIsSorted();
              return (
                <div key={h.id} role="columnheader" aria-sort={s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none'} id={`head-${table}-${h.id}`}>
                  <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()} title={`Sort by ${h.id}`}>
                    {h.id}
                    <span aria-hidden="true">{s === 'asc' ? ' ▲' : s === 'desc' ? ' ▼' : ''}</span>
                  </button>
                </div>
              );
            })}
          </div>
          <div className="grid-row filters" role="row" aria-rowindex={2}>
            <div role="gridcell" className="grid-num" />
            <div role="gridcell" className="grid-select" />
            {t.getHeaderGroups()[0]!.headers.map((h) => (
              <div key={h.id} role="gridcell">
                <input
                  type="search"
                  aria-label={`Filter ${h.id}`}
                  placeholder="filter"
                  value={(h.column.getFilterValue() as string | undefined) ?? ''}
                  onChange={(e) => h.column.setFilterValue(e.target.value || undefined)}
                  onKeyDown={(e) => e.stopPropagation()}
                />
              </div>
            ))}
          </div>
        </div>
        <div className="grid-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = viewRows[item.index]!;
            return (
              <div
                key={row.id}
                className={`grid-row row-${row.state}${selected.has(row.id) ? ' selected' : ''}`}
                role="row"
                aria-rowindex={item.index + 3}
                aria-selected={selected.has(row.id)}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div role="rowheader" className="grid-num" title={row.state === 'base' ? undefined : row.state}>
                  {row.state === 'new' ? 'new' : row.number}
                  {row.state === 'changed' && <span className="visually-hidden"> changed</span>}
                  {row.state === 'deleted' && <span className="visually-hidden"> removed</span>}
                </div>
                <div role="gridcell" className="grid-select">
                  <input type="checkbox" aria-label={`Select ${row.state === 'new' ? `new row ${Number(row.id.slice(1)) + 1}` : `row ${row.number}`}`} checked={selected.has(row.id)} disabled={readOnly} onChange={() => toggle(row.id)} onKeyDown={(e) => e.stopPropagation()} />
                </div>
                {names.map((col, c) => {
                  const id = cellDomId(table, row.id, c);
                  const isEditing = editing !== null && editing.rowId === row.id && editing.col === c;
                  return (
                    <GridCell
                      key={col}
                      id={id}
                      column={col}
                      colIndex={c + 3}
                      rowName={row.state === 'new' ? `new row ${Number(row.id.slice(1)) + 1}` : `row ${row.number}`}
                      text={row.cells[c] ?? ''}
                      edited={!!row.original && row.original[c] !== row.cells[c]}
                      issue={issues.get(`${row.id}|${col}`)}
                      active={row.id === active.rowId && c === active.col}
                      editText={isEditing ? editing.text : null}
                      onActivate={() => {
                        wantFocus.current = true;
                        setActive({ rowId: row.id, col: c });
                      }}
                      onStartEdit={() => {
                        setActive({ rowId: row.id, col: c });
                        if (row.state !== 'deleted' && !readOnly) setEditing({ rowId: row.id, col: c, text: row.cells[c] ?? '' });
                      }}
                      onEditText={(text) => setEditing({ rowId: row.id, col: c, text })}
                      onCancel={() => {
                        wantFocus.current = true;
                        setEditing(null);
                      }}
                      onCommit={(text, move) => {
                        commit(row.id, c, text);
                        setEditing(null);
                        if (!move) return;
                        wantFocus.current = true;
                        if (move === 'down' || move === 'up') moveTo(item.index + (move === 'up' ? -1 : 1), c);
                        else moveTo(item.index, c + (move === 'left' ? -1 : 1));
                      }}
                    />
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <p className="cell-problem" role="status" aria-live="polite">
        {activeRow && activeIssue ? `${activeRow.state === 'new' ? 'New row' : `Row ${activeRow.number}`}, ${names[active.col]}: ${activeIssue}` : ''}
      </p>
      <p className="grid-count">
        {viewRows.length === rows.length ? `${rows.length.toLocaleString()} rows` : `${viewRows.length.toLocaleString()} of ${rows.length.toLocaleString()} rows shown (filtered)`}
      </p>
    </div>
  );
}
