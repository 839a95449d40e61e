/**
 * Files the app is asked to open (a file association, a second launch, macOS `open-file`, the
 * File menu): which are ours and what opens them. Pure, for table tests; `file-opener.ts` reads
 * them and hands them to the window, which previews a workbook before import or verifies a
 * summary, as if it had been dropped there.
 */
import { extname, isAbsolute, resolve } from 'node:path';

export type OpenKind = 'workbook' | 'summary';

/** An .xlsx workbook, or a signed summary as PDF or JSON. */
export function openKind(path: string): OpenKind | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'workbook';
  if (ext === '.pdf' || ext === '.json') return 'summary';
  return null;
}

/**
 * The files named on a command line (`argv` as electron gives it, the executable first): the
 * arguments that are not options and name a file we open, made absolute against `cwd` (a second
 * launch's own folder). The value of `--db` is the database, never a file to open.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      i++;
      continue;
    }
    if (a.startsWith('-') || openKind(a) === null) continue;
    files.push(isAbsolute(a) ? a : resolve(cwd, a));
  }
  return files;
}

/** Bigger than any workbook the app imports (200 MB) or summary it verifies is not read at all. */
export const MAX_OPEN_BYTES: Record<OpenKind, number> = { workbook: 200 * 1024 * 1024, summary: 25 * 1024 * 1024 };
