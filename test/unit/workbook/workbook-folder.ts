/** A workbook folder to break in tests: the demo plant written as CSV files, edited line by line. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorkbook } from '../../../main/demo/demo-workbook';
import { exportWorkbook } from '../../../main/workbook/export-workbook';
import { tempDir } from '../db/temp-db';

export const TODAY = '2026-03-02';
export const DEMO = demoWorkbook(TODAY);

const root = tempDir('promise-desk-wb-');
let n = 0;

/** A fresh copy of the demo workbook as a CSV folder. */
export async function demoFolder(): Promise<string> {
  const dir = join(root, `wb${++n}`);
  mkdirSync(dir);
  await exportWorkbook(DEMO, dir);
  return dir;
}

/** The lines of a CSV file of the folder (line 1 = header), without the byte order mark. */
export function readLines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n');
}

export function writeLines(dir: string, file: string, lines: string[]): void {
  writeFileSync(join(dir, file), lines.join('\r\n') + '\r\n');
}

/** Changes line `line` (1 = header) of a file. */
export function editLine(dir: string, file: string, line: number, edit: (text: string) => string): void {
  const lines = readLines(dir, file);
  lines[line - 1] = edit(lines[line - 1]!);
  writeLines(dir, file, lines);
}

/** The spreadsheet line of the first row whose first cell is `key`. */
export function lineOf(dir: string, file: string, key: string): number {
  const i = readLines(dir, file).findIndex((l) => l.split(',')[0] === key);
  if (i < 0) throw new Error(`${key} not in ${file}`);
  return i + 1;
}
