/**
 * JSON for a signed summary, read strictly (`promises.md`: no repeated key). `JSON.parse` keeps the
 * last of two equal keys without a word, while another reader may keep the first: a file that says
 * two things must not verify. momoa (ESLint's JSON parser) gives the syntax tree in which the
 * repeat can be seen; `__proto__` is refused as well, as no summary field has that name.
 */
import { parse, traverse, type Node, type ObjectNode } from '@humanwhocodes/momoa';

export type StrictJson = { ok: true; value: unknown } | { ok: false; message: string };

export function parseStrictJson(text: string): StrictJson {
  let doc;
  try {
    doc = parse(text.replace(/^\uFEFF/, ''), { mode: 'json', ranges: false, tokens: false });
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
  let problem: string | null = null;
  traverse(doc, {
    enter(node: Node) {
      if (problem || node.type !== 'Object') return;
      const seen = new Set<string>();
      for (const m of (node as ObjectNode).members) {
        const key = m.name.type === 'String' ? m.name.value : String(m.name.name);
        if (key === '__proto__') problem = `the key "__proto__" (line ${m.loc.start.line}) is no field of a summary`;
        else if (seen.has(key)) problem = `the key ${JSON.stringify(key.slice(0, 40))} is repeated in one object (line ${m.loc.start.line})`;
        if (problem) return;
        seen.add(key);
      }
    },
  });
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
}
