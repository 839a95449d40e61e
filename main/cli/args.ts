/**
 * Arguments of one command: its positionals and options, strictly (an unknown option or a
 * missing argument is a usage error, exit 2). Every option carries its own line of help, so a
 * command's `--help` is written from the same table that parses it.
 */
import { parseArgs } from 'node:util';
import { isRealDate } from '../../shared/engine/days';

/** Wrong use of the command line: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input or data: exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/** `--help` was asked for: its text goes to stdout and the command exits 0. */
export class HelpRequest extends Error {
  override name = 'HelpRequest';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value is called in help (`FILE`, `YYYY-MM-DD`); string options only. */
  value?: string;
  help: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** Without the program name: `check <request.json|-> [options]`. One line per form. */
  usage: string;
  /** What the command does, a sentence or two. */
  about: string;
  positionals: readonly string[];
  options: O;
}

export type Values<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

export const PROGRAM = 'promise-desk';

const usageLines = (spec: Pick<CommandSpec, 'usage'>) => `usage: ${spec.usage.split('\n').map((l) => `${PROGRAM} ${l}`).join('\n       ')}`;

/** Words of `text` in lines of at most `width` characters (help reads in an 80-column terminal). */
export function wrap(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** A command's whole help: usage, what it does, its options. */
export function helpText(spec: CommandSpec): string {
  const rows: [string, string][] = Object.entries(spec.options).map(([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ''}`, o.help]);
  rows.push(['-h, --help', 'print this help']);
  const width = Math.max(...rows.map(([l]) => l.length));
  return [usageLines(spec), '', ...wrap(spec.about), '', 'options:', ...rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`)].join('\n');
}

/** `--help` or `-h` before any `--`: help wins over every other problem of the line. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function parseCommand<O extends Record<string, OptionSpec>>(argv: readonly string[], spec: CommandSpec<O>): { positionals: string[]; values: Values<O> } {
  if (asksForHelp(argv)) throw new HelpRequest(helpText(spec));
  const options = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${usageLines(spec)}`);
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.length) throw new UsageError(`missing ${spec.positionals[positionals.length]}\n${usageLines(spec)}`);
  if (positionals.length > spec.positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[spec.positionals.length])}\n${usageLines(spec)}`);
  return { positionals, values: parsed.values as Values<O> };
}

/** A usage error that repeats the command's usage. */
export function usageError(spec: Pick<CommandSpec, 'usage'>, message: string): UsageError {
  return new UsageError(`${message}\n${usageLines(spec)}`);
}

/** `--as-of`: a real calendar date, or today when left out. */
export function asOfOption(value: string | undefined, today: () => string): string {
  if (value === undefined) return today();
  if (!isRealDate(value)) throw new InputError(`--as-of must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  return value;
}
