/**
 * Operations edit the workbook's tables here, one table at a time, in a grid. Every edit is
 * checked as it is made (the importer's schema per cell, its rules across tables) and shown at
 * the cell; nothing is saved while a problem remains. Saving sends every edited table at once:
 * the main process checks again and saves them in one transaction with a new data version.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { TABLE_NAMES, TABLES, type TableName } from '../../../shared/schemas/workbook';
import { Progress } from '../../components/progress';
import { RiskImpactPanel } from '../../components/risk-impact';
import { useSession } from '../../hooks/use-session';
import { DataGrid } from './data-grid';
import { addRows, blankRow, deleteRows, editCount, gridRows, restoreRows, setCells, type GridRow } from './edit-state';
import { findMatches, type CellPos } from './find';
import { TABLE_LABEL } from './table-labels';
import { useTableEdits } from './use-table-edits';
import './tables.css';

export function TablesScreen() {
  const s = useTableEdits();
  // The main process decides; this only spares people controls they may not use.
  const mayEdit = useSession().session?.may.edit_operations ?? true;
  const [table, setTable] = useState<TableName>('resources');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<(CellPos & { seq: number }) | null>(null);
  const [view, setView] = useState<readonly GridRow[]>([]);
  const [find, setFind] = useState('');
  const [findAt, setFindAt] = useState(-1);
  const [notice, setNotice] = useState('');

  const base = s.loaded?.cells[table];
  const rows = useMemo(() => (base ? gridRows(base, s.edits.tables[table]) : []), [base, s.edits, table]);
  const issueMap = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of s.issues) if (i.table === table) m.set(`${i.rowId}|${i.column ?? ''}`, i.message);
    return m;
  }, [s.issues, table]);
  const matches = useMemo(() => findMatches(view, find), [view, find]);
  const goTo = useCallback((pos: CellPos) => setFocus((f) => ({ ...pos, seq: (f?.seq ?? 0) + 1 })), []);

  useEffect(() => {
    setSelected(new Set());
    setFindAt(-1);
  }, [table]);

  const edited = editCount(s.edits);
  const nameOf = (rowId: string, t: TableName) => (rowId.startsWith('n') ? 'new row' : 'row') + ` ${Number(rowId.slice(1)) + 1}` + (t === table ? '' : ` of ${TABLE_LABEL[t]}`);

  const onEdit = (changes: Map<string, Map<number, string>>, added: string[][]) => {
    if (!base) return;
    s.change((st) => {
      let next = setCells(st, table, base, changes);
      if (added.length) next = addRows(next, table, added).state;
      return next;
    });
  };

  const addRow = () => {
    let ids: string[] = [];
    s.change((st) => {
      const r = addRows(st, table, [blankRow(table)]);
      ids = r.ids;
      return r.state;
    });
    // After the state has the row: show it and put the cursor in its first cell.
    setTimeout(() => ids[0] && goTo({ rowId: ids[0], col: 0 }), 0);
  };

  const step = (dir: 1 | -1) => {
    if (matches.length === 0) return;
    const i = (findAt + dir + matches.length) % matches.length;
    setFindAt(i);
    goTo(matches[i]!);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !(target instanceof HTMLInputElement && target.type !== 'checkbox')) {
      e.preventDefault();
      s.undo();
    }
  };

  if (s.loadError) {
    return (
      <section className="screen">
        <h1>Tables</h1>
        <p className="error-banner" role="alert">
          {s.loadError.message}
        </p>
      </section>
    );
  }

  const deletedSelected = [...selected].some((id) => rows.find((r) => r.id === id)?.state === 'deleted');
  const problems = s.issues;

  return (
    <section className="screen tables-screen" aria-busy={s.loading} onKeyDown={onKeyDown}>
      <h1>Tables</h1>
      <Progress
        busy={s.loading || s.save.kind === 'saving' || s.save.kind === 'checking-impact'}
        label={s.save.kind === 'saving' ? 'Saving the tables…' : s.save.kind === 'checking-impact' ? 'Checking what the save does to open promises…' : 'Loading the tables…'}
      />
      {s.loaded && (
        <p className="meta">
          Data version {s.loaded.dataVersion}. {TABLES[table].optional ? 'This table is optional.' : ''}
        </p>
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor="table-choice">Table</label>
          <select id="table-choice" value={table} onChange={(e) => setTable(e.target.value as TableName)}>
            {TABLE_NAMES.map((t) => {
              const d = s.edits.tables[t];
              const n = d ? d.updates.size + d.inserts.length + d.deletes.size : 0;
              return (
                <option key={t} value={t}>
                  {TABLE_LABEL[t]} ({(s.loaded?.cells[t].length ?? 0).toLocaleString()} rows{n ? `, ${n} edited` : ''})
                </option>
              );
            })}
          </select>
        </div>
        <div className="field find">
          <label htmlFor="table-find">Find</label>
          <div className="inline">
            <input
              id="table-find"
              type="search"
              value={find}
              onChange={(e) => {
                setFind(e.target.value);
                setFindAt(-1);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  step(e.shiftKey ? -1 : 1);
                }
              }}
            />
            <button type="button" className="secondary" onClick={() => step(-1)} disabled={matches.length === 0}>
              Previous
            </button>
            <button type="button" className="secondary" onClick={() => step(1)} disabled={matches.length === 0}>
              Next
            </button>
            <span className="hint" aria-live="polite">
              {find.trim() ? (matches.length ? `${findAt >= 0 ? findAt + 1 : 0} of ${matches.length.toLocaleString()}` : 'not found') : ''}
            </span>
          </div>
        </div>
        {mayEdit && (
          <div className="actions">
            <button type="button" className="secondary" onClick={addRow} disabled={!s.loaded}>
              Add row
            </button>
            <button
              type="button"
              className="secondary"
              disabled={selected.size === 0}
              onClick={() => {
                s.change((st) => deleteRows(st, table, selected));
                setSelected(new Set());
              }}
            >
              Remove selected rows{selected.size ? ` (${selected.size})` : ''}
            </button>
            {deletedSelected && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  s.change((st) => restoreRows(st, table, selected));
                  setSelected(new Set());
                }}
              >
                Keep selected rows
              </button>
            )}
            <button type="button" className="secondary" onClick={s.undo} disabled={!s.canUndo}>
              Undo
            </button>
            <button type="button" className="secondary" onClick={s.discard} disabled={edited === 0}>
              Discard all edits
            </button>
            <button type="button" onClick={() => void s.saveAll()} disabled={edited === 0 || problems.length > 0 || s.checking || s.save.kind === 'saving' || s.save.kind === 'checking-impact' || s.save.kind === 'impact'}>
              Save {edited ? `${edited} ${edited === 1 ? 'change' : 'changes'}` : 'changes'}
            </button>
          </div>
        )}
      </div>
      {!mayEdit && <p className="hint">Only operations and admin change these tables: you can look, sort, filter, find and copy.</p>}

      <SaveMessage save={s.save} onSave={() => void s.commit()} onBack={s.goBack} />
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}

      {problems.length > 0 && (
        <section className="problems" aria-labelledby="problems-title">
          <h2 id="problems-title">
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'}: nothing is saved until {problems.length === 1 ? 'it is' : 'they are'} fixed
          </h2>
          <ul>
            {problems.slice(0, 50).map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    if (p.table !== table) setTable(p.table);
                    const col = p.column ? TABLES[p.table].columns.indexOf(p.column) : 0;
                    setTimeout(() => goTo({ rowId: p.rowId, col: Math.max(0, col) }), 0);
                  }}
                >
                  {TABLE_LABEL[p.table]}, {nameOf(p.rowId, p.table)}
                  {p.column ? `, ${p.column}` : ''}
                </button>
                : {p.message}
              </li>
            ))}
          </ul>
          {problems.length > 50 && <p className="hint">…and {problems.length - 50} more.</p>}
        </section>
      )}

      {s.loaded && (
        <DataGrid
          key={`${table}|${s.loaded.dataVersion}`}
          table={table}
          rows={rows}
          issues={issueMap}
          selected={selected}
          onSelect={setSelected}
          onEdit={onEdit}
          onViewChange={setView}
          focus={focus}
          onNotice={setNotice}
          readOnly={!mayEdit}
        />
      )}
      <p className="hint">
        Arrow keys move, Enter or typing edits a cell, Escape cancels, Delete empties it. Paste a block copied from a spreadsheet at the active cell; rows past the
        end are added. Ctrl+Z undoes the last edit.
      </p>
    </section>
  );
}

function SaveMessage({ save, onSave, onBack }: { save: ReturnType<typeof useTableEdits>['save']; onSave: () => void; onBack: () => void }) {
  if (save.kind === 'impact') return <RiskImpactPanel impact={save.impact} idPrefix="save" confirmLabel={save.impact.become_at_risk.length ? 'Save anyway' : 'Save'} onConfirm={onSave} onBack={onBack} />;
  if (save.kind === 'saved') {
    const n = save.atRisk.length;
    return (
      <p className="saved" role="status">
        Saved as data version {save.change.data_version} ({save.change.changed} changed, {save.change.added} added, {save.change.removed} removed).{' '}
        {save.revalidated} open {save.revalidated === 1 ? 'promise was' : 'promises were'} checked again
        {n ? `; ${n} ${n === 1 ? 'is' : 'are'} now at risk (${save.atRisk.join(', ')}).` : '; none is at risk.'}
      </p>
    );
  }
  if (save.kind === 'refused')
    return (
      <p className="error-banner" role="alert">
        {save.message}
      </p>
    );
  if (save.kind === 'error')
    return (
      <p className="error-banner" role="alert">
        {save.error.message}
      </p>
    );
  return null;
}
