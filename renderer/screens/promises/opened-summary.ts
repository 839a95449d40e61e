/**
 * A summary the desktop shell was asked to open (a PDF or JSON opened with the app): kept here
 * until the Verify screen takes it, as a dropped workbook waits for the Workbook screen.
 */
import { base64ToBytes } from '../../files';

let pending: File | null = null;
const listeners = new Set<() => void>();

export function offerSummary(name: string, base64: string): void {
  pending = new File([base64ToBytes(base64)], name);
  for (const f of listeners) f();
}

export function takeSummary(): File | null {
  const f = pending;
  pending = null;
  return f;
}

export function onSummary(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
