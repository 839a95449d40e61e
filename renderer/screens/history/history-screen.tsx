/**
 * History of the operations tables: every import and every save of edits, who made it and when,
 * and per row what changed (old → new per field). Filter by table, key and user; older entries
 * load on request.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { ChangeSetView, HistoryEntryView } from '../../../shared/contract-operations';
import { TABLE_NAMES, type TableName } from '../../../shared/schemas/workbook';
import { Progress } from '../../components/progress';
import { useDataChanged } from '../../data-events';
import { useApi } from '../../hooks/use-api';
import { useSession } from '../../hooks/use-session';
import { TABLE_LABEL } from '../tables/table-labels';
import { UndoChange } from './undo-change';
import './history.css';

const PAGE = 200;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(empty)' : String(v));

function What({ e }: { e: HistoryEntryView }) {
  if (e.op === 'change')
    return (
      <ul className="fields">
        {(e.fields ?? []).map((f) => (
          <li key={f.column}>
            <span className="col">{f.column}</span>: <del>{show(f.old)}</del> → <ins>{show(f.new)}</ins>
          </li>
        ))}
      </ul>
    );
  const row = Object.entries(e.row ?? {})
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  return (
    <span>
      {e.op === 'add' ? 'added' : 'removed'}: {row}
    </span>
  );
}

export function HistoryScreen() {
  const api = useApi();
  const [table, setTable] = useState<TableName | ''>('');
  const [key, setKey] = useState('');
  const [user, setUser] = useState('');
  const [entries, setEntries] = useState<HistoryEntryView[]>([]);
  const [users, setUsers] = useState<string[]>([]);
  const [changes, setChanges] = useState<ChangeSetView[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const mayEdit = useSession().session?.may.edit_operations ?? true;
  const [undoing, setUndoing] = useState<ChangeSetView | null>(null);

  const load = useCallback(
    async (before?: number) => {
      setLoading(true);
      const r = await api.call('history:list', {
        ...(table ? { table } : {}),
        ...(key.trim() ? { key: key.trim() } : {}),
        ...(user ? { user } : {}),
        ...(before !== undefined ? { before_id: before } : {}),
        limit: PAGE,
      });
      setLoading(false);
      if (!r.ok) return setError(r.error);
      setError(null);
      setUsers(r.value.users);
      setChanges(r.value.changes);
      setEntries((old) => (before === undefined ? r.value.entries : [...old, ...r.value.entries]));
      setMore(r.value.entries.length === PAGE);
    },
    [api, table, key, user],
  );

  // Filters apply as they change (the key after a short pause).
  useEffect(() => {
    const t = setTimeout(() => void load(), 250);
    return () => clearTimeout(t);
  }, [load]);
  useDataChanged(useCallback(() => void load(), [load]));

  return (
    <section className="screen history-screen" aria-busy={loading}>
      <h1>History of the tables</h1>
      <form className="toolbar history-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="history-table">Table</label>
          <select id="history-table" value={table} onChange={(e) => setTable(e.target.value as TableName | '')}>
            <option value="">All tables</option>
            {TABLE_NAMES.map((t) => (
              <option key={t} value={t}>
                {TABLE_LABEL[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-key">Key contains</label>
          <input id="history-key" type="search" value={key} onChange={(e) => setKey(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="history-user">User</label>
          <select id="history-user" value={user} onChange={(e) => setUser(e.target.value)}>
            <option value="">Everyone</option>
            {users.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Progress busy={loading} label="Loading the history…" />
      {error && (
        <p className="error-banner" role="alert">
          {error.message}
        </p>
      )}
      {changes.length > 0 && (
        <details className="change-sets" open={entries.length === 0}>
          <summary>Imports and saves{user ? ` by ${user}` : ''}, newest first ({changes.length})</summary>
          <table>
            <caption className="visually-hidden">Imports and saves</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Added</th>
                <th scope="col">Changed</th>
                <th scope="col">Removed</th>
                <th scope="col">Data version</th>
                {mayEdit && <th scope="col">Undo</th>}
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <time dateTime={c.at}>{when.format(new Date(c.at))}</time>
                  </td>
                  <td>{c.user}</td>
                  <th scope="row">{c.kind === 'import' ? `import of ${c.source}` : c.source}</th>
                  <td>{c.added.toLocaleString()}</td>
                  <td>{c.changed.toLocaleString()}</td>
                  <td>{c.removed.toLocaleString()}</td>
                  <td>{c.data_version}</td>
                  {mayEdit && (
                    <td>
                      <button type="button" className="secondary" onClick={() => setUndoing(c)} aria-label={`Undo change #${c.id}`}>
                        Undo…
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {undoing && <UndoChange key={undoing.id} change={undoing} onClose={() => setUndoing(null)} />}
      {!loading && entries.length === 0 && !error && <p>No changes match.</p>}
      {entries.length > 0 && (
        <table className="history">
          <caption>Changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Change</th>
              <th scope="col">Table</th>
              <th scope="col">Key</th>
              <th scope="col">What changed</th>
              <th scope="col">Data version</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.change.at}>{when.format(new Date(e.change.at))}</time>
                </td>
                <td>{e.change.user}</td>
                <td>{e.change.kind === 'import' ? `import of ${e.change.source}` : e.change.source}</td>
                <td>{TABLE_LABEL[e.table]}</td>
                <th scope="row">{e.key}</th>
                <td>
                  <What e={e} />
                </td>
                <td>{e.change.data_version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="secondary" disabled={loading} onClick={() => void load(entries.at(-1)?.id)}>
          Show older changes
        </button>
      )}
    </section>
  );
}
