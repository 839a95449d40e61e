/**
 * A file a command reads, or standard input when it is named `-` (`check -`, `verify -`), so a
 * request or a summary can be piped in. Messages name it as a person would.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './args';

export const STDIN = '-';

/** How messages name the input: the path, or `standard input`. */
export const inputName = (file: string) => (file === STDIN ? 'standard input' : file);

/** The bytes of `file` (`-`: all of standard input); exit 1 naming the file when it cannot be read. */
export function readInput(file: string, what: string): Buffer {
  try {
    return readFileSync(file === STDIN ? 0 : file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (file === STDIN) throw new InputError(`Cannot read the ${what} from standard input: ${(e as Error).message}.`);
    throw new InputError(code === 'ENOENT' ? `The ${what} ${file} does not exist.` : `Cannot read the ${what} ${file}: ${(e as Error).message}.`);
  }
}
