/**
 * The package of an .xlsx file: a zip of XML parts tied together by relationship parts
 * (`_rels/*.rels`, ECMA-376 part 2). Parts are unpacked one at a time and only when asked for,
 * within a budget of unpacked bytes (a small zip can unpack to gigabytes), and parsed by a strict
 * XML parser (saxes: no DTD, no external entities).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** All parts read from one file together may unpack to this much (100,000 rows are 17 MB). */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;

/** A file that cannot be read as an .xlsx; the message says why in a few words. */
export class XlsxPackageError extends Error {}

/** An element's name without its namespace prefix (`x:row` and `row` are the same element). */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Parses one part's XML text, calling the handlers with local names; a malformed part throws. */
export function parseXml(part: string, xml: string, on: XmlHandlers): void {
  const parser = new SaxesParser();
  // Attributes as saxes gives them: an object without prototype, names as written (unprefixed
  // attributes are in no namespace, so `r`, `t`, `s` of a cell never carry a prefix).
  parser.on('opentag', (tag: SaxesTagPlain) => on.open(localName(tag.name), tag.attributes));
  if (on.close) parser.on('closetag', (tag) => on.close!(localName(tag.name)));
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new XlsxPackageError(`${part}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface Relationship {
  type: string;
  /** The target part's name in the zip (resolved against the source part's folder). */
  target: string;
}

export class XlsxPackage {
  /** Part names as the zip spells them, by their lower-case form (OPC part names ignore case). */
  private readonly names = new Map<string, string>();
  private readonly sizes = new Map<string, number>();
  private unpacked = 0;

  constructor(private readonly bytes: Uint8Array) {
    try {
      unzipSync(bytes, {
        filter: (f) => {
          this.names.set(f.name.toLowerCase(), f.name);
          this.sizes.set(f.name, f.originalSize);
          return false;
        },
      });
    } catch (e) {
      throw new XlsxPackageError(`no zip: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  /** The text of one part; null when the package has no such part. */
  text(part: string): string | null {
    const name = this.names.get(part.toLowerCase());
    if (name === undefined) return null;
    const size = this.sizes.get(name)!;
    this.unpacked += size;
    if (this.unpacked > MAX_XLSX_UNPACKED_BYTES) throw new XlsxPackageError(`it unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB`);
    let data: Uint8Array | undefined;
    try {
      // fflate unpacks into a buffer of the size the zip declares, never more.
      const files = unzipSync(this.bytes, { filter: (f) => f.name === name });
      data = Object.hasOwn(files, name) ? files[name] : undefined;
    } catch (e) {
      throw new XlsxPackageError(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (data === undefined) return null;
    return decode(name, data);
  }

  /** The relationships of `source` (the package itself for ''): relationship id → type and target. */
  relationships(source: string): Map<string, Relationship> {
    const slash = source.lastIndexOf('/');
    const folder = source.slice(0, slash + 1);
    const relsPart = `${folder}_rels/${source.slice(slash + 1)}.rels`;
    const out = new Map<string, Relationship>();
    const xml = this.text(relsPart);
    if (xml === null) return out;
    parseXml(relsPart, xml, {
      open(name, a) {
        if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
        out.set(a.Id, { type: a.Type ?? '', target: resolvePart(folder, a.Target) });
      },
    });
    return out;
  }
}

/** A relationship's target as a part name: relative to `folder`, or from the root with `/`. */
export function resolvePart(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function decode(part: string, data: Uint8Array): string {
  // Spreadsheets write UTF-8; the XML standard also allows UTF-16 with its byte-order mark.
  const encoding = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    throw new XlsxPackageError(`${part}: the text is not valid ${encoding.toUpperCase()}`);
  }
}
