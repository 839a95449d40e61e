/**
 * Workbooks in and out of the app. An import is two steps: a preview (the workbook read and
 * validated completely, and what it would change, table by table) and, when the person agrees,
 * the import itself, refused if the tables changed since the preview. Nothing is written until
 * then, and a workbook with any problem is never kept. Uploaded bytes (the browser preview, or a
 * file dropped on the window) are read through the very same files-on-disk reader as a path.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Workbook } from '../../shared/schemas/workbook';
import { authorize, type ActorRef } from '../access/authorize';
import { TablesChangedError } from '../db/operations-store';
import { diffWorkbooks, type TableDiff } from '../workbook/diff';
import { templateWorkbook, workbookToCsv, workbookToXlsx, exportWorkbook } from '../workbook/export-workbook';
import type { WorkbookIssue } from '../workbook/issues';
import { readWorkbook, type ReadOutcome } from '../workbook/read-workbook';
import { NoPlantError, type OperationsDeps } from './operations-deps';
import { revalidator } from './revalidator';
import { riskImpactOf, type RiskImpact } from './risk-impact';

export type WorkbookUpload =
  | { kind: 'xlsx'; name: string; base64: string }
  | { kind: 'csv'; name: string; files: { name: string; base64: string }[] };

export interface ImportPreview {
  ok: true;
  token: string;
  source: string;
  format: 'csv' | 'xlsx';
  rowCount: number;
  /** The data version the preview compares with (null: an empty database). */
  baseVersion: string | null;
  added: number;
  changed: number;
  removed: number;
  /** Per table: counts, and the first changes for a look. */
  tables: (Omit<TableDiff, 'changes'> & { sample: TableDiff['changes'] })[];
  /** What importing it would do to the open promises, as of the day the preview was made. */
  impact: RiskImpact;
}

export type PreviewResult = ImportPreview | { ok: false; issues: WorkbookIssue[] };

export type ApplyResult =
  | { ok: true; dataVersion: string; revalidated: string[]; atRisk: string[] }
  | { ok: false; kind: 'expired' | 'conflict'; message: string };

interface Pending {
  workbook: Workbook;
  source: string;
  sha256: string;
  baseVersion: string | null;
}

const SAMPLE = 20;
const KEEP = 4;

/** A file name as given by a person's computer, reduced to a plain name (no folders, nothing odd). */
export function plainFileName(name: string, fallback: string): string {
  const b = basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').trim();
  return b === '' || b === '.' || b === '..' ? fallback : b.slice(0, 120);
}

export class WorkbookTransfer {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: OperationsDeps) {}

  /** Reads and validates a workbook at a path (a folder of CSVs or an .xlsx), and previews it. */
  async previewPath(actor: ActorRef, path: string, opts: { asOf?: string } = {}): Promise<PreviewResult> {
    authorize(actor, 'tables:edit');
    return this.preview(await readWorkbook(path), opts.asOf);
  }

  /** The same for bytes sent by the window: written to a private temporary folder and read from there. */
  async previewUpload(actor: ActorRef, upload: WorkbookUpload, opts: { asOf?: string } = {}): Promise<PreviewResult> {
    authorize(actor, 'tables:edit');
    const dir = mkdtempSync(join(tmpdir(), 'promise-desk-upload-'));
    try {
      let path: string;
      if (upload.kind === 'xlsx') {
        const name = plainFileName(upload.name, 'workbook.xlsx');
        path = join(dir, name.toLowerCase().endsWith('.xlsx') ? name : `${name}.xlsx`);
        writeFileSync(path, Buffer.from(upload.base64, 'base64'));
      } else {
        path = join(dir, plainFileName(upload.name, 'workbook'));
        mkdirSync(path);
        const seen = new Set<string>();
        for (const f of upload.files) {
          const name = plainFileName(f.name, '');
          // Two files of one name (from sub-folders) cannot both be the table: the second is refused.
          if (name === '' || seen.has(name.toLowerCase())) {
            return { ok: false, issues: [{ file: f.name, line: null, column: null, reason: 'is given twice or has no usable name' }] };
          }
          seen.add(name.toLowerCase());
          writeFileSync(join(path, name), Buffer.from(f.base64, 'base64'));
        }
      }
      return this.preview(await readWorkbook(path), opts.asOf);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private async preview(read: ReadOutcome, asOf?: string): Promise<PreviewResult> {
    if (!read.ok) return read;
    const plant = await this.deps.checks.loadPlant();
    const diff = diffWorkbooks(plant?.workbook ?? null, read.workbook);
    const impact = await riskImpactOf(this.deps, read.workbook, asOf ?? this.deps.checks.today());
    const token = randomUUID();
    this.pending.set(token, { workbook: read.workbook, source: read.source, sha256: read.sha256, baseVersion: plant?.dataVersion ?? null });
    while (this.pending.size > KEEP) this.pending.delete(this.pending.keys().next().value!);
    return {
      ok: true,
      token,
      source: read.source,
      format: read.format,
      rowCount: read.rowCount,
      baseVersion: plant?.dataVersion ?? null,
      added: diff.added,
      changed: diff.changed,
      removed: diff.removed,
      tables: diff.tables.map(({ changes, ...counts }) => ({ ...counts, sample: changes.slice(0, SAMPLE) })),
      impact,
    };
  }

  /** Imports a previewed workbook, recording its history and replanning open promises. */
  async apply(actor: ActorRef, token: string, opts: { asOf?: string } = {}): Promise<ApplyResult> {
    authorize(actor, 'tables:edit');
    const p = this.pending.get(token);
    if (!p) return { ok: false, kind: 'expired', message: 'This preview is no longer available: choose the workbook again.' };
    try {
      const r = await this.deps.ops.importWithHistory(
        p.workbook,
        { source: p.source, sha256: p.sha256, user: actor.name, expectedVersion: p.baseVersion },
        revalidator(opts.asOf ?? this.deps.checks.today()),
      );
      this.pending.delete(token);
      return { ok: true, dataVersion: r.import.dataVersion, revalidated: r.revalidated, atRisk: r.atRisk };
    } catch (e) {
      if (!(e instanceof TablesChangedError)) throw e;
      this.pending.delete(token);
      return { ok: false, kind: 'conflict', message: 'The tables changed since this preview (another import or a save): choose the workbook again to see what it changes now.' };
    }
  }

  private async workbookOf(what: 'tables' | 'template'): Promise<{ workbook: Workbook; name: string }> {
    if (what === 'template') return { workbook: templateWorkbook(), name: 'promise-desk-template' };
    const plant = await this.deps.checks.loadPlant();
    if (!plant) throw new NoPlantError();
    return { workbook: plant.workbook, name: `promise-desk-${plant.dataVersion}` };
  }

  /** The current tables (or the blank template) as bytes for the window to save. */
  async download(what: 'tables' | 'template', format: 'xlsx' | 'csv'): Promise<{ kind: 'xlsx'; name: string; base64: string } | { kind: 'csv'; name: string; files: { name: string; text: string }[] }> {
    const { workbook, name } = await this.workbookOf(what);
    if (format === 'xlsx') return { kind: 'xlsx', name: `${name}.xlsx`, base64: Buffer.from(await workbookToXlsx(workbook)).toString('base64') };
    return { kind: 'csv', name, files: [...workbookToCsv(workbook)].map(([file, text]) => ({ name: file, text })) };
  }

  /** Writes them to a path the person chose in a save dialog. */
  async exportTo(what: 'tables' | 'template', path: string): Promise<{ format: 'csv' | 'xlsx'; files: string[] }> {
    return exportWorkbook((await this.workbookOf(what)).workbook, path);
  }
}
