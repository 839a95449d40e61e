/**
 * Reads a request file (or standard input for `-`): JSON, parsed here; its fields are validated by
 * the engine against the plant.
 */
import type { RequestIssue } from '../../shared/schemas/check';
import { InputError } from './args';
import { inputName, readInput } from './input-file';

export function readRequestFile(file: string): unknown {
  const text = readInput(file, 'request file').toString('utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`The request ${file === '-' ? 'on standard input' : `file ${file}`} is not valid JSON: ${(e as Error).message}.`);
  }
}

/** One sentence per field: `request.json: lines[0].qty must be a positive whole number, got 2.5.` */
export function requestIssueLines(file: string, issues: readonly RequestIssue[]): string[] {
  return issues.map((i) => `${inputName(file)}: ${i.path} ${i.message.replace(/\.$/, '')}.`);
}
