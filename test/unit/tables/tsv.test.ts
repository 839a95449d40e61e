import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../shared/edits/tsv';

describe('pasted cells', () => {
  it('reads a block copied from a spreadsheet', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('keeps empty cells and reads quoted cells with tabs, line breaks and quotes', () => {
    expect(parseTsv('x\t\t"a\tb"\n"line\nbreak"\t"say ""hi"""\n')).toEqual([
      ['x', '', 'a\tb'],
      ['line\nbreak', 'say "hi"'],
    ]);
  });
  it('takes a stray quote inside a cell as text', () => {
    expect(parseTsv('5" pipe\tx')).toEqual([['5" pipe', 'x']]);
  });
  it('round-trips what it writes', () => {
    const rows = [['a', 'b\tc', ''], ['"q"', 'line\nx', 'z']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
