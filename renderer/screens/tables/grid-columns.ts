/**
 * The grid's columns for one workbook table: TanStack column definitions (sorting numbers as
 * numbers, filtering by text) and widths by what each column holds.
 */
import { columnFilteringFeature, createFilteredRowModel, createSortedRowModel, rowSortingFeature, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { TABLES, type TableName } from '../../../shared/schemas/workbook';
import type { GridRow } from './edit-state';

export const gridFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
});
export type GridFeatures = typeof gridFeatures;

const NUMBER = /^-?\d+(\.\d+)?$/;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Numbers as numbers (exactly enough for ordering), everything else in the person's collation; empty last. */
export function compareCells(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  if (NUMBER.test(a) && NUMBER.test(b)) {
    const d = Number(a) - Number(b);
    if (d !== 0) return d;
  }
  return collator.compare(a, b);
}

/** Row matches a filter text: any part of the cell, ignoring case. */
export function cellMatches(text: string, filter: string): boolean {
  return text.toLocaleLowerCase().includes(filter.toLocaleLowerCase());
}

export function columnWidth(table: TableName, column: string): number {
  // Wide enough for the header (its name and the sort arrow) at the grid's 13px.
  return Math.max(contentWidth(table, column), Math.ceil(column.length * 7.8) + 30);
}

function contentWidth(table: TableName, column: string): number {
  if (column === 'name' || column === 'note') return 220;
  if (TABLES[table].key.includes(column) || column.endsWith('_id') || column === 'sku' || column === 'component_sku') return 150;
  if (column.includes('date')) return 120;
  if (/^(mon|tue|wed|thu|fri|sat|sun)$/.test(column)) return 64;
  return 110;
}

export function gridColumns(table: TableName): ColumnDef<GridFeatures, GridRow>[] {
  return TABLES[table].columns.map((column, i) => ({
    id: column,
    header: column,
    accessorFn: (row: GridRow) => row.cells[i] ?? '',
    sortFn: (a, b, id) => compareCells(a.getValue<string>(id), b.getValue<string>(id)),
    filterFn: Object.assign((row: { getValue: <T>(id: string) => T }, id: string, value: unknown) => cellMatches(row.getValue<string>(id), String(value ?? '')), {
      resolveFilterValue: (v: unknown) => String(v ?? ''),
    }),
  }));
}

/** Column widths survive a reload of the tables (after a save) for the rest of the session. */
const widthsByTable = new Map<TableName, number[]>();

/** Each column's width in px, and how to change one (dragging its edge, Ctrl+arrows). */
export function useColumnWidths(table: TableName): [number[], (col: number, width: number) => void] {
  const [widths, setWidths] = useState<number[]>(() => widthsByTable.get(table) ?? TABLES[table].columns.map((c) => columnWidth(table, c)));
  useEffect(() => void widthsByTable.set(table, widths), [table, widths]);
  return [widths, (col, width) => setWidths((ws) => ws.map((x, i) => (i === col ? width : x)))];
}
