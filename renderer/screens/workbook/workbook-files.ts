/**
 * Workbook files in the window: reading what a person chose or dropped into the upload the
 * contract takes (bytes as base64), and saving what the main process sends back as downloads.
 */
import type { Input } from '../../../shared/contract';

export type WorkbookUpload = Input<'workbook:preview'>;

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function fileBase64(f: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await f.arrayBuffer()));
}

const isCsv = (name: string) => name.toLowerCase().endsWith('.csv');
const isXlsx = (name: string) => name.toLowerCase().endsWith('.xlsx');

/**
 * Files chosen in a file input or dropped: one .xlsx, or .csv files (a folder's, whose name
 * `webkitRelativePath` gives). Anything else is refused with a sentence.
 */
export async function uploadFromFiles(files: readonly File[], folderName?: string): Promise<WorkbookUpload | { error: string }> {
  if (files.length === 0) return { error: 'No file was chosen.' };
  const xlsx = files.filter((f) => isXlsx(f.name));
  if (xlsx.length === 1 && files.length === 1) return { kind: 'xlsx', name: xlsx[0]!.name, base64: await fileBase64(xlsx[0]!) };
  // A folder's files: the workbook is its .csv files; other files are ignored, as the importer does.
  const csv = files.filter((f) => isCsv(f.name) && !(f.webkitRelativePath ?? '').split('/').slice(1, -1).length);
  if (csv.length === 0) return { error: 'Choose one .xlsx file, or a folder of .csv files (one per table).' };
  const name = folderName ?? (files[0]!.webkitRelativePath || '').split('/')[0] ?? 'workbook';
  return { kind: 'csv', name: name || 'workbook', files: await Promise.all(csv.map(async (f) => ({ name: f.name, base64: await fileBase64(f) }))) };
}

/** What was dropped on the window: an .xlsx file, a folder of CSVs, or some .csv files. */
export async function uploadFromDrop(dt: DataTransfer): Promise<WorkbookUpload | { error: string }> {
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null)).filter((e): e is FileSystemEntry => !!e);
  const dir = entries.length === 1 && entries[0]!.isDirectory ? (entries[0] as FileSystemDirectoryEntry) : null;
  if (dir) {
    const children = await new Promise<FileSystemEntry[]>((ok, fail) => {
      const reader = dir.createReader();
      const all: FileSystemEntry[] = [];
      const next = () =>
        reader.readEntries((batch) => {
          if (batch.length === 0) ok(all);
          else {
            all.push(...batch);
            next();
          }
        }, fail);
      next();
    });
    const files = await Promise.all(
      children.filter((e) => e.isFile && isCsv(e.name)).map((e) => new Promise<File>((ok, fail) => (e as FileSystemFileEntry).file(ok, fail))),
    );
    return files.length ? uploadFromFiles(files, dir.name) : { error: `The folder ${dir.name} holds no .csv files.` };
  }
  return uploadFromFiles([...dt.files], 'dropped files');
}

/** Saves bytes as a download (the browser preview). */
export function downloadBytes(name: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface DirectoryPicker {
  showDirectoryPicker?: (opts?: { mode?: 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;
}

/**
 * Writes CSV files into a folder the person picks (Chromium's File System Access), or, where the
 * browser cannot, downloads them one by one. Returns where they went, or null when cancelled.
 */
export async function saveCsvFolder(folder: string, files: readonly { name: string; text: string }[], win: Window & DirectoryPicker = window): Promise<string | null> {
  if (win.showDirectoryPicker) {
    let dir: FileSystemDirectoryHandle;
    try {
      dir = await win.showDirectoryPicker({ mode: 'readwrite', id: 'promise-desk-export' });
    } catch {
      return null; // cancelled
    }
    for (const f of files) {
      const handle = await dir.getFileHandle(f.name, { create: true });
      const w = await handle.createWritable();
      await w.write(f.text);
      await w.close();
    }
    return dir.name;
  }
  for (const f of files) downloadBytes(`${folder}-${f.name}`, new TextEncoder().encode(f.text), 'text/csv');
  return 'your downloads';
}
