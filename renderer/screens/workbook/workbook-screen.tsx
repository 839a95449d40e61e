/**
 * Import and export of the workbook. An import is previewed first (what it adds, changes and
 * removes, per table) and applied only when the person agrees; a workbook with problems lists
 * every one (file, line, column, reason) and changes nothing. The desktop app uses its own file
 * dialogs; the browser preview uses file inputs and downloads. A workbook can also be dropped
 * anywhere on the window.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppError, AppInfo } from '../../../shared/contract';
import type { ImportPreviewView } from '../../../shared/contract-operations';
import { Progress } from '../../components/progress';
import { notifyDataChanged } from '../../data-events';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd, useSession } from '../../hooks/use-session';
import { onDropped, takeDropped } from './dropped-workbook';
import { IssuesTable, PreviewTable } from './import-preview';
import { RiskImpactPanel } from '../../components/risk-impact';
import { base64ToBytes, downloadBytes, saveCsvFolder, uploadFromFiles, type WorkbookUpload } from './workbook-files';
import './workbook.css';

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string }
  | { kind: 'preview'; preview: Extract<ImportPreviewView, { ok: true }> }
  | { kind: 'problems'; issues: Extract<ImportPreviewView, { ok: false }>['issues'] }
  | { kind: 'imported'; dataVersion: string; revalidated: number; atRisk: string[] }
  | { kind: 'error'; message: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function WorkbookScreen() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [exported, setExported] = useState<string>('');
  const [exporting, setExporting] = useState<string | null>(null);
  const desktop = info?.runtime === 'electron';
  const mayImport = useSession().session?.may.edit_operations ?? true;

  useEffect(() => {
    void api.call('app:info').then((r) => r.ok && setInfo(r.value));
  }, [api]);

  const fail = (e: AppError) => {
    noticeSessionEnd(e);
    setStep({ kind: 'error', message: e.message });
  };
  const showPreview = (p: ImportPreviewView | null) => {
    if (p === null) setStep({ kind: 'idle' });
    else if (p.ok) setStep({ kind: 'preview', preview: p });
    else setStep({ kind: 'problems', issues: p.issues });
  };

  const preview = useCallback(
    async (upload: WorkbookUpload | { error: string }) => {
      if ('error' in upload) return setStep({ kind: 'error', message: upload.error });
      setStep({ kind: 'busy', label: `Reading ${upload.name}…` });
      const r = await api.call('workbook:preview', upload);
      if (r.ok) showPreview(r.value);
      else fail(r.error);
    },
    [api],
  );

  // A workbook dropped on the window (now, or before this screen was shown).
  useEffect(() => {
    const take = () => {
      const d = takeDropped();
      if (d) void preview(d);
    };
    take();
    return onDropped(take);
  }, [preview]);

  const choose = async (kind: 'xlsx' | 'csv') => {
    setStep({ kind: 'busy', label: 'Reading the workbook…' });
    const r = await api.call('workbook:choose', { kind });
    if (r.ok) showPreview(r.value);
    else fail(r.error);
  };

  const apply = async (token: string) => {
    setStep({ kind: 'busy', label: 'Importing and checking open promises again…' });
    const r = await api.call('workbook:apply', { token });
    if (!r.ok) return fail(r.error);
    setStep({ kind: 'imported', dataVersion: r.value.data_version, revalidated: r.value.revalidated, atRisk: r.value.at_risk });
    notifyDataChanged();
  };

  const exportAs = async (what: 'tables' | 'template', format: 'xlsx' | 'csv') => {
    setExporting(what === 'template' ? 'Writing the template…' : 'Writing the tables…');
    setExported('');
    try {
      if (desktop) {
        const r = await api.call('workbook:save', { what, format });
        if (!r.ok) return setExported(r.error.message);
        if (r.value) setExported(`Wrote ${r.value.files === 1 ? r.value.path : `${r.value.files} CSV files to ${r.value.path}`}.`);
        return;
      }
      const r = await api.call('workbook:download', { what, format });
      if (!r.ok) return setExported(r.error.message);
      const d = r.value;
      if (d.kind === 'xlsx') {
        downloadBytes(d.name, base64ToBytes(d.base64), XLSX_TYPE);
        setExported(`Downloaded ${d.name}.`);
      } else {
        const where = await saveCsvFolder(d.name, d.files);
        if (where) setExported(`Wrote ${d.files.length} CSV files to ${where}.`);
      }
    } finally {
      setExporting(null);
    }
  };

  const busy = step.kind === 'busy';
  return (
    <section className="screen workbook-screen">
      <h1>Workbook: import and export</h1>
      <div className="workbook-panels">
        {mayImport ? (
          <section className="panel" aria-labelledby="import-title">
            <h2 id="import-title">Import a workbook</h2>
            <p className="hint">
              A folder of CSV files or one .xlsx file replaces every operations table. You see what changes before anything is imported. You can also drop the
              file or folder anywhere on this window.
            </p>
            {desktop ? (
              <div className="actions">
                <button type="button" onClick={() => void choose('xlsx')} disabled={busy}>
                  Choose an .xlsx file…
                </button>
                <button type="button" onClick={() => void choose('csv')} disabled={busy}>
                  Choose a folder of CSV files…
                </button>
              </div>
            ) : (
              <div className="pickers">
                <div className="field">
                  <label htmlFor="import-xlsx">An .xlsx file</label>
                  <input
                    id="import-xlsx"
                    type="file"
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    disabled={busy}
                    onChange={(e) => {
                      const files = [...(e.target.files ?? [])];
                      e.target.value = '';
                      void uploadFromFiles(files).then(preview);
                    }}
                  />
                </div>
                <div className="field">
                  <label htmlFor="import-folder">A folder of CSV files</label>
                  <input
                    id="import-folder"
                    type="file"
                    multiple
                    disabled={busy}
                    ref={(el) => {
                      // Not a React prop: the attribute that makes the picker choose a folder.
                      el?.setAttribute('webkitdirectory', '');
                    }}
                    onChange={(e) => {
                      const files = [...(e.target.files ?? [])];
                      e.target.value = '';
                      void uploadFromFiles(files).then(preview);
                    }}
                  />
                </div>
              </div>
            )}
            <Progress busy={busy} label={busy ? step.label : ''} />
            {step.kind === 'error' && (
              <p className="error-banner" role="alert">
                {step.message}
              </p>
            )}
            {step.kind === 'problems' && (
              <div role="alert">
                <IssuesTable issues={step.issues} />
              </div>
            )}
            {step.kind === 'preview' && (
              <div className="preview" aria-labelledby="preview-title">
                <h3 id="preview-title">
                  {step.preview.source} ({step.preview.format === 'xlsx' ? '.xlsx' : 'CSV folder'}, {step.preview.row_count.toLocaleString()} rows)
                </h3>
                <p>
                  {step.preview.base_version ? `Compared with the current tables (data version ${step.preview.base_version}): ` : 'The database has no tables yet: '}
                  {step.preview.added.toLocaleString()} rows added, {step.preview.changed.toLocaleString()} changed, {step.preview.removed.toLocaleString()} removed.
                </p>
                <PreviewTable preview={step.preview} />
                <RiskImpactPanel impact={step.preview.impact} idPrefix="import" />
                <div className="actions">
                  <button type="button" onClick={() => void apply(step.preview.token)}>
                    {step.preview.impact.become_at_risk.length ? 'Import anyway' : 'Import these tables'}
                  </button>
                  <button type="button" className="secondary" onClick={() => setStep({ kind: 'idle' })}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
            {step.kind === 'imported' && (
              <p className="saved" role="status">
                Imported as data version {step.dataVersion}. {step.revalidated} open {step.revalidated === 1 ? 'promise was' : 'promises were'} checked again
                {step.atRisk.length ? `; ${step.atRisk.length} ${step.atRisk.length === 1 ? 'is' : 'are'} now at risk (${step.atRisk.join(', ')}).` : '; none is at risk.'}
              </p>
            )}
          </section>
        ) : (
          <section className="panel" aria-labelledby="import-title">
            <h2 id="import-title">Import a workbook</h2>
            <p>Only operations and admin import workbooks. You can export the tables and the blank template.</p>
          </section>
        )}

        <section className="panel" aria-labelledby="export-title">
          <h2 id="export-title">Export</h2>
          <p className="hint">The current tables in the workbook format: importing them again gives the same tables.</p>
          <div className="actions">
            <button type="button" onClick={() => void exportAs('tables', 'xlsx')} disabled={!!exporting}>
              Export the tables as .xlsx
            </button>
            <button type="button" onClick={() => void exportAs('tables', 'csv')} disabled={!!exporting}>
              Export the tables as a CSV folder
            </button>
          </div>
          <h3>Blank template</h3>
          <p className="hint">Every table&apos;s header and one example row, to fill in.</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void exportAs('template', 'xlsx')} disabled={!!exporting}>
              Template as .xlsx
            </button>
            <button type="button" className="secondary" onClick={() => void exportAs('template', 'csv')} disabled={!!exporting}>
              Template as a CSV folder
            </button>
          </div>
          <Progress busy={!!exporting} label={exporting ?? ''} />
          {exported && (
            <p className="hint" role="status">
              {exported}
            </p>
          )}
        </section>
      </div>
    </section>
  );
}
