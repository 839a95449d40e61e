/** What an import would change, table by table, and the problems that stop one. */
import type { ImportPreviewView, RowChangeView, WorkbookIssueView } from '../../../shared/contract-operations';
import { TABLE_LABEL } from '../tables/table-labels';

const n = (x: number) => x.toLocaleString();
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(empty)' : String(v));

function ChangeLine({ c }: { c: RowChangeView }) {
  if (c.op === 'change')
    return (
      <li>
        <strong>{c.key}</strong>: {c.fields.map((f) => `${f.column} ${show(f.old)} → ${show(f.new)}`).join('; ')}
      </li>
    );
  return (
    <li>
      {c.op === 'add' ? 'Added' : 'Removed'} <strong>{c.key}</strong>
    </li>
  );
}

export function PreviewTable({ preview }: { preview: Extract<ImportPreviewView, { ok: true }> }) {
  const tables = preview.tables.filter((t) => t.added + t.changed + t.removed + t.unchanged > 0);
  return (
    <>
      <table>
        <caption>What the import changes, per table</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Added</th>
            <th scope="col">Changed</th>
            <th scope="col">Removed</th>
            <th scope="col">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => (
            <tr key={t.table}>
              <th scope="row">{TABLE_LABEL[t.table]}</th>
              <td>{n(t.added)}</td>
              <td>{n(t.changed)}</td>
              <td>{n(t.removed)}</td>
              <td>{n(t.unchanged)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All tables</th>
            <td>{n(preview.added)}</td>
            <td>{n(preview.changed)}</td>
            <td>{n(preview.removed)}</td>
            <td>{n(tables.reduce((s, t) => s + t.unchanged, 0))}</td>
          </tr>
        </tfoot>
      </table>
      {tables
        .filter((t) => t.sample.length > 0)
        .map((t) => {
          const total = t.added + t.changed + t.removed;
          return (
            <details key={t.table} className="changes">
              <summary>
                {TABLE_LABEL[t.table]}: {total === t.sample.length ? `the ${n(total)} changes` : `the first ${t.sample.length} of ${n(total)} changes`}
              </summary>
              <ul>
                {t.sample.map((c, i) => (
                  <ChangeLine key={i} c={c} />
                ))}
              </ul>
            </details>
          );
        })}
    </>
  );
}

export function IssuesTable({ issues }: { issues: readonly WorkbookIssueView[] }) {
  return (
    <table className="issues">
      <caption>
        {n(issues.length)} {issues.length === 1 ? 'problem' : 'problems'} in the workbook: nothing was imported
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, k) => (
          <tr key={k}>
            <td>{i.sheet ? `${i.file}, sheet ${i.sheet}` : i.file}</td>
            <td>{i.line ?? ''}</td>
            <td>{i.column ?? ''}</td>
            <td>{i.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
