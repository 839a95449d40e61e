/**
 * The .xlsx reader on packages written by hand, as other programs write them (and as an attacker
 * would): parts found through their relationships wherever they are, namespace prefixes, inline
 * text, the 1904 date system; and zips that unpack to too much, lie about their sizes, expand
 * entities or point outside a sheet are refused with a sentence, never read half.
 */
import { strToU8, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../main/workbook/read-xlsx';
import { isDateFormat } from '../../../main/workbook/xlsx/xlsx-book';
import { MAX_XLSX_UNPACKED_BYTES, resolvePart } from '../../../main/workbook/xlsx/xlsx-package';
import { tempDir } from '../db/temp-db';

const dir = tempDir('promise-desk-xlsx-pkg-');
let n = 0;
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A package of the given parts, with the usual root relationship unless one is given. */
function pkg(parts: Record<string, string>, order?: string[]): Uint8Array {
  const all: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ...parts,
  };
  const names = order ?? Object.keys(all);
  return zipSync(Object.fromEntries(names.map((k) => [k, strToU8(all[k]!)])));
}

async function read(bytes: Uint8Array) {
  const file = join(dir, `p${++n}.xlsx`);
  writeFileSync(file, bytes);
  return readXlsx(file);
}

/** A workbook with one sheet `orders` at `part`, relationships of the workbook as given. */
function oneSheet(sheetXml: string, extra: Record<string, string> = {}, rels = ''): Record<string, string> {
  return {
    'xl/workbook.xml': `<x:workbook xmlns:x="${NS}" xmlns:rel="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="orders" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="s1" Type="${REL}/worksheet" Target="/xl/data/../sheets/orders.xml"/>${rels}</Relationships>`,
    'xl/sheets/orders.xml': sheetXml,
    ...extra,
  };
}

const sheet = (rows: string) => `<x:worksheet xmlns:x="${NS}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;

describe('reading an .xlsx package', () => {
  it('finds the parts through relationships, with prefixes, inline text and the 1904 dates', async () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy;@"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const strings = `<sst xmlns="${NS}"><si><t>order_id</t></si><si><r><t>F</t></r><r><rPr><b/></rPr><t xml:space="preserve">G-1 </t></r><rPh><t>ふりがな</t></rPh></si></sst>`;
    const parts = oneSheet(
      sheet(
        // Row 1 without `r` on its cells; row 3 skips row 2; B3 is a 1904 serial in a date style.
        `<x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>sku</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>dispatch_date</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>qty</x:t></x:is></x:c></x:row>` +
          `<x:row r="3"><x:c r="A3" t="str"><x:f>A1</x:f><x:v>&lt;7&gt;&amp;amp;</x:v></x:c><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c r="C3" s="1"><x:v>44985</x:v></x:c><x:c r="D3" s="2"><x:v>12</x:v></x:c></x:row>` +
          `<x:row r="4"><x:c r="A4" t="str"><x:f>IF(1,"",1)</x:f><x:v></x:v></x:c><x:c r="C4" t="d"><x:v>2027-01-31T00:00:00</x:v></x:c><x:c r="D4" t="b"><x:v>1</x:v></x:c></x:row>` +
          `<x:row r="5"><x:c r="B5" s="1"/></x:row>`, // styled but empty: no row
      ),
      { 'xl/strings.xml': strings, 'xl/theme/styles.xml': styles },
      `<Relationship Id="s2" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="s3" Type="${REL}/styles" Target="theme/styles.xml"/>`,
    );
    // The workbook part last in the zip, after the sheets (any order is allowed).
    const r = await read(pkg(parts, ['xl/sheets/orders.xml', 'xl/strings.xml', 'xl/theme/styles.xml', 'xl/_rels/workbook.xml.rels', '_rels/.rels', 'xl/workbook.xml']));
    expect(r.issues).toEqual([]);
    expect(r.tables).toEqual([
      {
        table: 'orders',
        place: { file: expect.any(String), sheet: 'orders' },
        header: ['order_id', 'sku', 'dispatch_date', 'qty'],
        rows: [
          // 44985 days after 1904-01-01 is 2027-03-01 (in the 1900 system it would be 2023-02-28).
          { line: 3, cells: ['<7>&amp;', 'FG-1 ', '2027-03-01', '12'] },
          { line: 4, cells: ['', null, '2027-01-31', 'TRUE'] },
        ],
      },
    ]);
  });

  it('names the cell that refers to text the file does not have, or holds no number', async () => {
    const r = await read(pkg(oneSheet(sheet(`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>qty</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="s"><x:v>5</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>12 pcs</x:v></x:c></x:row>`))));
    expect(r.issues).toEqual([
      { file: expect.any(String), sheet: 'orders', line: 2, column: 'qty', reason: 'the cell refers to text "5" that the file does not have' },
      { file: expect.any(String), sheet: 'orders', line: 3, column: 'qty', reason: 'the cell holds "12 pcs", which is no plain number' },
    ]);
  });

  const refused = async (bytes: Uint8Array) => {
    const r = await read(bytes);
    expect(r.tables).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.reason).toMatch(/^is not a readable \.xlsx file \(/);
    return r.issues[0]!.reason;
  };

  it('refuses a part that claims to unpack to more than the budget, before unpacking it', async () => {
    const bytes = pkg(oneSheet(sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>')));
    setDeclaredSize(bytes, 'xl/sheets/orders.xml', MAX_XLSX_UNPACKED_BYTES + 1);
    expect(await refused(bytes)).toContain('unpacks to more than 200 MB');
  });

  it('reads no more than a part declares: a zip that lies small is cut off and refused', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`).join('');
    const bytes = pkg(oneSheet(sheet(rows)));
    setDeclaredSize(bytes, 'xl/sheets/orders.xml', 100);
    expect(await refused(bytes)).toContain('xl/sheets/orders.xml');
  });

  it('expands no entities of a DTD (a billion laughs is refused, not expanded)', async () => {
    const lol = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    expect(await refused(pkg(oneSheet(`${lol}${sheet('<x:row r="1"><x:c r="A1" t="str"><x:v>&c;</x:v></x:c></x:row>')}`)))).toMatch(/undefined entity/);
  });

  it('refuses cells outside a sheet, text that is not UTF-8, and packages without a workbook', async () => {
    expect(await refused(pkg(oneSheet(sheet('<x:row r="1"><x:c r="XFE1"><x:v>1</x:v></x:c></x:row>'))))).toContain('"XFE1" is no cell');
    expect(await refused(pkg(oneSheet(sheet('<x:row r="1048577"><x:c><x:v>1</x:v></x:c></x:row>'))))).toContain('is no row');
    // No root relationships part: the workbook is taken from xl/workbook.xml, as spreadsheets place it.
    const latin1 = zipSync({ ...Object.fromEntries(Object.entries(oneSheet(sheet(''))).map(([k, v]) => [k, strToU8(v)])), 'xl/sheets/orders.xml': new Uint8Array([0x3c, 0x61, 0xe9, 0x3e]) });
    expect(await refused(latin1)).toContain('not valid UTF-8');
    expect(await refused(zipSync({ 'docProps/app.xml': strToU8('<x/>') }))).toContain('no workbook part');
  });

  it('reads date formats as a spreadsheet shows them', () => {
    expect(['yyyy-mm-dd', 'dd/mm/yyyy;@', '[$-407]d. mmmm yyyy', 'h:mm', 'mmm-yy'].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['0.00', '#,##0 "days"', '[Red]0.0', '0\\h', 'General', '@', '0.00E+00'].map(isDateFormat)).toEqual([false, false, false, false, false, false, false]);
  });

  it('resolves relationship targets against the source folder or the root', () => {
    expect(resolvePart('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolvePart('xl/', '/xl/./worksheets//s.xml')).toBe('xl/worksheets/s.xml');
    expect(resolvePart('', '../../../etc/passwd')).toBe('etc/passwd');
  });
});

/** Overwrites the uncompressed size a zip declares for `name` (local and central headers). */
function setDeclaredSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = strToU8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = view.getUint32(i, true);
    const at = sig === 0x04034b50 ? { nameLen: 26, name: 30, size: 22 } : sig === 0x02014b50 ? { nameLen: 28, name: 46, size: 24 } : null;
    if (!at) continue;
    const len = view.getUint16(i + at.nameLen, true);
    if (len === target.length && target.every((b, k) => zip[i + at.name + k] === b)) view.setUint32(i + at.size, size, true);
  }
}
