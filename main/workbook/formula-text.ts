/**
 * Free text that a spreadsheet would take for a formula (`workbook.md`): a cell beginning with
 * `=`, `+`, `-` or `@` is written to CSV with a leading apostrophe, so `=HYPERLINK(…)` shows as
 * text instead of running; the importer removes one apostrophe before those characters. Text that
 * already begins with apostrophes before one of them gets one more, so a round trip keeps every
 * text exactly. Only text columns: numbers such as `-5` are written as they are.
 */
const NEEDS_APOSTROPHE = /^'*[=+\-@]/;
const PROTECTED = /^'+[=+\-@]/;

export function protectFormulaText(text: string): string {
  return NEEDS_APOSTROPHE.test(text) ? `'${text}` : text;
}

export function unprotectFormulaText(text: string): string {
  return PROTECTED.test(text) ? text.slice(1) : text;
}
