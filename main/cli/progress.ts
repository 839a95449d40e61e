/**
 * Progress of a long command on stderr, one line rewritten in place, for a person at a terminal:
 * nothing at all when stderr is not a terminal (scripts, pipes, logs) or with `--json`, and
 * nothing for work that ends within a second. stdout never sees it.
 */

export interface Progress {
  /** What is being done now (`reading products (12,000 rows)`); cheap to call often. */
  step(text: string): void;
  /** Clears the line; call before printing the result. */
  done(): void;
}

export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export const SILENT: Progress = { step() {}, done() {} };

/** Shown only after this long, so quick commands print nothing extra. */
export const PROGRESS_DELAY_MS = 1000;

export function progressOn(sink: ProgressSink, opts: { enabled: boolean; label: string; now?: () => number }): Progress {
  if (!opts.enabled || !sink.isTTY) return SILENT;
  const now = opts.now ?? Date.now;
  const started = now();
  let shown = false;
  let last = '';
  return {
    step(text) {
      const line = `${opts.label}: ${text}…`;
      if (line === last || now() - started < PROGRESS_DELAY_MS) return;
      last = line;
      shown = true;
      // \r and "erase to end of line": the line is rewritten, not appended.
      sink.write(`\r\u001b[K${line}`);
    },
    done() {
      if (shown) sink.write('\r\u001b[K');
      shown = false;
    },
  };
}

/** Progress on this process's stderr. */
export function stderrProgress(label: string, json: boolean | undefined): Progress {
  return progressOn(process.stderr, { enabled: !json, label });
}

const count = new Intl.NumberFormat('en');
/** `12,000 rows`: row counts as people read them. */
export const rows = (n: number) => `${count.format(n)} ${n === 1 ? 'row' : 'rows'}`;
