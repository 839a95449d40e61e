/**
 * A problem found in a workbook, at the place a person would look for it: the file (or the
 * .xlsx file and sheet), the line as a spreadsheet numbers it (the header is line 1) and the column.
 */
export interface WorkbookIssue {
  /** The CSV file (`calendars.csv`) or the .xlsx file. */
  file: string;
  /** The sheet, for an .xlsx workbook. */
  sheet?: string;
  /** Spreadsheet line: the header is line 1; null for a problem of a whole file or table. */
  line: number | null;
  column: string | null;
  reason: string;
}

/** One sentence naming the place: `calendars.csv, line 3, column mon: must be a number`. */
export function formatIssue(i: WorkbookIssue): string {
  const place = [i.file, i.sheet !== undefined ? `sheet ${i.sheet}` : null, i.line !== null ? `line ${i.line}` : null, i.column !== null ? `column ${i.column}` : null]
    .filter((x) => x !== null)
    .join(', ');
  return `${place}: ${i.reason}`;
}

/** Issues in reading order: by file, sheet, line, then column. */
export function sortIssues(issues: WorkbookIssue[]): WorkbookIssue[] {
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => {
      const x = a.issue;
      const y = b.issue;
      return (
        cmp(x.file, y.file) || cmp(x.sheet ?? '', y.sheet ?? '') || (x.line ?? 0) - (y.line ?? 0) || a.n - b.n
      );
    })
    .map((e) => e.issue);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
