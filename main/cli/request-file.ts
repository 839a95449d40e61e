/** Reads a request file: JSON, parsed here; its fields are validated by the engine against the plant. */
import { readFileSync } from 'node:fs';
import type { RequestIssue } from '../../shared/schemas/check';
import { InputError } from './args';

export function readRequestFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? `The request file ${file} does not exist.` : `Cannot read the request file ${file}: ${(e as Error).message}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`The request file ${file} is not valid JSON: ${(e as Error).message}.`);
  }
}

/** One sentence per field: `request.json: lines[0].qty must be a positive whole number, got 2.5.` */
export function requestIssueLines(file: string, issues: readonly RequestIssue[]): string[] {
  return issues.map((i) => `${file}: ${i.path} ${i.message.replace(/\.$/, '')}.`);
}
