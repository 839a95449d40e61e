/**
 * A workbook dropped anywhere on the window: the frame reads it, keeps it here and shows the
 * Workbook screen, which takes it and previews it.
 */
import { useEffect } from 'react';
import { uploadFromDrop, type WorkbookUpload } from './workbook-files';

type Dropped = WorkbookUpload | { error: string };
let pending: Dropped | null = null;
const listeners = new Set<() => void>();

export function takeDropped(): Dropped | null {
  const d = pending;
  pending = null;
  return d;
}

export function onDropped(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** A workbook from elsewhere (the desktop shell: File > Import Workbook…, a file opened with the app). */
export function offerWorkbook(d: Dropped): void {
  pending = d;
  for (const f of listeners) f();
}

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/** Lets a workbook be dropped on the window; `show` brings the Workbook screen forward. */
export function useWorkbookDrop(show: () => void): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      void uploadFromDrop(e.dataTransfer).then((d) => {
        pending = d;
        show();
        for (const f of listeners) f();
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [show]);
}
