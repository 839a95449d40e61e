/**
 * The editable grid of one workbook table: TanStack Table sorts and filters, TanStack Virtual
 * renders only the rows in view (100,000 rows scroll smoothly). Keys as in a spreadsheet
 * (grid-keys.ts), ranges by Shift+arrows or the mouse (grid-range.ts), copy as TSV, paste at the
 * range's top-left (grid-paste.ts). One tab stop: only the active cell (a header, a filter or a
 * data cell) is in the tab order. A cell with a problem says so (aria-invalid, its reason).
 */
import { useTable, type ColumnFiltersState, type SortingState } from '@tanstack/react-table';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { columnKinds } from '../../../shared/schemas/column-kinds';
import { TABLES, type TableName } from '../../../shared/schemas/workbook';
import type { GridRow } from './edit-state';
import type { CellPos } from './find';
import { gridColumns, gridFeatures, useColumnWidths } from './grid-columns';
import { GridCell, RowHeader } from './grid-cell';
import { FILTER, GridHeader, HEAD, filterId, headId, headerColumns } from './grid-header';
import { gridKeys } from './grid-keys';
import { pasteBlock } from './grid-paste';
import { GridStatus } from './grid-status';
import { clampRange, copyRange, inRange, rangeOf, rowIdsOf, type CellChanges, type Range } from './grid-range';

export const ROW_HEIGHT = 32;

export interface GridProps {
  table: TableName;
  rows: readonly GridRow[];
  /** Problems by `rowId|column` (column empty for the whole row). */
  issues: ReadonlyMap<string, string>;
  /** The rows the selection spans (for removing rows). */
  onSelect(ids: ReadonlySet<string>): void;
  /** Cells changed: row id → column index → text (existing rows), and rows to add after the last. */
  onEdit(changes: CellChanges, added: string[][]): void;
  /** The rows in the order shown (sorted, filtered), for find and for the caller. */
  onViewChange?(rows: readonly GridRow[]): void;
  /** Ask the grid to show and focus a cell (find, "go to" a problem, a new row). */
  focus: (CellPos & { seq: number }) | null;
  /** Messages for people (a paste that did not fit, a fill). */
  onNotice?(message: string): void;
  /** Look, sort, filter, find and copy only (the person may not change these tables). */
  readOnly?: boolean;
}

const cellDomId = (table: string, rowId: string, col: number) => `cell-${table}-${rowId}-${col}`;

export function DataGrid({ table, rows, issues, onSelect, onEdit, onViewChange, focus, onNotice, readOnly = false }: GridProps) {
  const columns = useMemo(() => gridColumns(table), [table]);
  const names = TABLES[table].columns;
  const kinds = columnKinds(table);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [widths, resize] = useColumnWidths(table);
  const t = useTable({
    features: gridFeatures,
    columns,
    data: rows,
    getRowId: (r: GridRow) => r.id,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
  });
  // Unsorted and unfiltered, rows show as they come: TanStack's row model (an object per row, built
  // anew at every edit: most of opening, editing and saving 100,000 rows) only sorts and filters.
  const view = sorting.length > 0 || columnFilters.length > 0 ? t.getRowModel().rows : null;
  const viewRows = useMemo(() => (view ? view.map((r) => r.original) : rows), [view, rows]);
  useEffect(() => onViewChange?.(viewRows), [viewRows, onViewChange]);
  const indexOf = useMemo(() => new Map(viewRows.map((r, i) => [r.id, i])), [viewRows]);

  const [active, setActive] = useState<CellPos>({ rowId: rows[0]?.id ?? HEAD, col: 0 });
  const [anchor, setAnchor] = useState<CellPos | null>(null);
  const [editing, setEditing] = useState<{ rowId: string; col: number; text: string } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => setHeadHeight(headRef.current?.offsetHeight ?? 0), [table]);
  useEffect(() => {
    const up = () => (dragging.current = false);
    document.addEventListener('mouseup', up);
    return () => document.removeEventListener('mouseup', up);
  }, []);

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

  // Header rows are -2 (names) and -1 (filters); data rows count from 0.
  const indexOfPos = (rowId: string) => (rowId === HEAD ? -2 : rowId === FILTER ? -1 : (indexOf.get(rowId) ?? -3));
  const activeIndex = indexOfPos(active.rowId);
  const anchorIndex = anchor ? (indexOf.get(anchor.rowId) ?? -1) : -1;
  const range: Range | null =
    activeIndex >= 0 ? clampRange(rangeOf(anchorIndex >= 0 ? { row: anchorIndex, col: anchor!.col } : { row: activeIndex, col: active.col }, { row: activeIndex, col: active.col }), viewRows.length, names.length) : null;
  const rangeKey = range ? `${range.top}:${range.bottom}:${range.left}:${range.right}` : '';
  // Reported only when the cells selected change (`range` is new each render, onSelect unstable).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onSelect(new Set(range ? rowIdsOf(viewRows, range) : [])), [rangeKey, viewRows]);

  const moveTo = useCallback(
    (index: number, col: number, extend = false) => {
      const i = Math.max(-2, Math.min(viewRows.length - 1, index));
      const c = Math.max(0, Math.min(names.length - 1, col));
      const rowId = i === -2 ? HEAD : i === -1 ? FILTER : viewRows[i]!.id;
      if (extend && i >= 0 && activeIndex >= 0) setAnchor((a) => a ?? active);
      else setAnchor(null);
      setActive({ rowId, col: c });
      if (i >= 0) virtualizer.scrollToIndex(i, { align: 'auto' });
    },
    [viewRows, names.length, virtualizer, activeIndex, active],
  );

  // Focus follows the active cell once it is rendered (a virtual row may still be on its way).
  const wantFocus = useRef(false);
  const domIdOf = (p: CellPos) => (p.rowId === HEAD ? headId(table, p.col) : p.rowId === FILTER ? filterId(table, p.col) : cellDomId(table, p.rowId, p.col));
  useEffect(() => {
    if (!wantFocus.current || editing) return;
    const el = document.getElementById(domIdOf(active));
    if (!el) return;
    wantFocus.current = false;
    if (document.activeElement !== el) el.focus({ preventScroll: false });
  });

  useEffect(() => {
    if (!focus) return;
    const i = indexOf.get(focus.rowId);
    if (i === undefined) return;
    wantFocus.current = true;
    setEditing(null);
    moveTo(i, focus.col);
    // The request's number makes a repeated "go to" work again; the rest is read, not followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq]);

  const edit = (changes: CellChanges, added: string[][] = []) => {
    if (readOnly || (changes.size === 0 && added.length === 0)) return;
    onEdit(changes, added);
  };
  const commit = (rowId: string, col: number, text: string) => {
    const row = rows.find((r) => r.id === rowId);
    if (row && row.cells[col] !== text) edit(new Map([[rowId, new Map([[col, text]])]]));
  };

  const startEdit = (text?: string) => {
    const row = viewRows[activeIndex];
    if (!row || row.state === 'deleted' || readOnly) return;
    setAnchor(null);
    setEditing({ rowId: row.id, col: active.col, text: text ?? row.cells[active.col] ?? '' });
  };

  const { onKeyDown, onFilterKey } = gridKeys({
    viewRows,
    columns: names.length,
    activeIndex,
    activeCol: active.col,
    range,
    pageRows: Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1),
    editing: editing !== null,
    moveTo: (index, col, extend) => {
      wantFocus.current = true;
      moveTo(index, col, extend);
    },
    selectAll: () => {
      setAnchor({ rowId: viewRows[0]!.id, col: 0 });
      setActive({ rowId: viewRows[viewRows.length - 1]!.id, col: names.length - 1 });
    },
    startEdit,
    edit,
    onNotice,
  });

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || readOnly || !range || (e.target as HTMLElement).tagName === 'INPUT') return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const p = pasteBlock(text, viewRows, range.top, range.left, names.length);
    edit(p.changes, p.added);
    onNotice?.(p.message);
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing || !range || (e.target as HTMLElement).tagName === 'INPUT') return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyRange(viewRows, range));
  };

  const template = `4.5rem ${widths.map((w) => `${w}px`).join(' ')}`;
  const activeRow = viewRows[activeIndex];
  const activeIssue = activeRow ? (issues.get(`${activeRow.id}|${names[active.col]}`) ?? issues.get(`${activeRow.id}|`)) : undefined;
  const items = virtualizer.getVirtualItems();
  const activeShown = activeIndex < 0 || items.some((i) => i.index === activeIndex);
  const multi = range !== null && (range.bottom > range.top || range.right > range.left);
  return (
    <div className="data-grid">
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label={`${table} table`}
        aria-readonly={readOnly || undefined}
        aria-multiselectable
        aria-rowcount={viewRows.length + 2}
        aria-colcount={names.length + 1}
        // Reachable by Tab even when the active row is scrolled out of the page: the grid hands the focus on.
        tabIndex={activeShown ? -1 : 0}
        onFocus={(e) => {
          if (e.target !== e.currentTarget) return;
          wantFocus.current = true;
          moveTo(activeIndex < -2 ? 0 : activeIndex, active.col);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        style={{ ['--grid-cols' as string]: template }}
      >
        <div ref={headRef} className="grid-head" role="rowgroup">
          <GridHeader
            table={table}
            columns={headerColumns(t.getHeaderGroups()[0]!.headers)}
            widths={widths}
            active={activeIndex === -2 ? { row: HEAD, col: active.col } : activeIndex === -1 ? { row: FILTER, col: active.col } : null}
            onActivate={(row, col) => {
              setAnchor(null);
              setActive({ rowId: row, col });
            }}
            onResize={resize}
            onFilterKey={onFilterKey}
          />
        </div>
        <div className="grid-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = viewRows[item.index]!;
            const rowName = row.state === 'new' ? `new row ${Number(row.id.slice(1)) + 1}` : `row ${row.number}`;
            return (
              <div key={row.id} className={`grid-row row-${row.state}`} role="row" aria-rowindex={item.index + 3} style={{ transform: `translateY(${item.start}px)` }}>
                <RowHeader row={row} />
                {names.map((col, c) => {
                  const isEditing = editing !== null && editing.rowId === row.id && editing.col === c;
                  const select = (extend: boolean) => {
                    wantFocus.current = true;
                    if (extend && activeIndex >= 0) setAnchor((a) => a ?? active);
                    else if (!extend) setAnchor(null);
                    setActive({ rowId: row.id, col: c });
                  };
                  return (
                    <GridCell
                      key={col}
                      id={cellDomId(table, row.id, c)}
                      column={col}
                      colIndex={c + 2}
                      rowName={rowName}
                      text={row.cells[c] ?? ''}
                      numeric={kinds[col] === 'number'}
                      edited={!!row.original && row.original[c] !== row.cells[c]}
                      issue={issues.get(`${row.id}|${col}`)}
                      active={row.id === active.rowId && c === active.col}
                      selected={multi && range !== null && inRange(range, item.index, c)}
                      editText={isEditing ? editing.text : null}
                      onPointerSelect={(extend) => {
                        dragging.current = true;
                        select(extend);
                      }}
                      onPointerEnter={() => dragging.current && select(true)}
                      onStartEdit={() => {
                        setActive({ rowId: row.id, col: c });
                        setAnchor(null);
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
      <GridStatus row={activeRow} column={names[active.col] ?? ''} issue={activeIssue} shown={viewRows.length} total={rows.length} range={multi ? range : null} names={names} />
    </div>
  );
}
