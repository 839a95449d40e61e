/**
 * Arguments of one command: its positionals and options, strictly (an unknown option or a
 * missing argument is a usage error, exit 2).
 */
import { parseArgs } from 'node:util';
import { isRealDate } from '../../shared/units/days';

/** Wrong use of the command line: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input or data: exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface CommandSpec<O extends Record<string, 'string' | 'boolean'>> {
  usage: string;
  positionals: readonly string[];
  options: O;
}

type Values<O extends Record<string, 'string' | 'boolean'>> = { [K in keyof O]?: O[K] extends 'string' ? string : boolean };

export function parseCommand<O extends Record<string, 'string' | 'boolean'>>(
  argv: readonly string[],
  spec: CommandSpec<O>,
): { positionals: string[]; values: Values<O> } {
  const options = Object.fromEntries(Object.entries(spec.options).map(([k, type]) => [k, { type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\nusage: ${spec.usage}`);
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.length) throw new UsageError(`missing ${spec.positionals[positionals.length]}\nusage: ${spec.usage}`);
  if (positionals.length > spec.positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[spec.positionals.length])}\nusage: ${spec.usage}`);
  return { positionals, values: parsed.values as Values<O> };
}

/** `--as-of`: a real calendar date, or today when left out. */
export function asOfOption(value: string | undefined, today: () => string): string {
  if (value === undefined) return today();
  if (!isRealDate(value)) throw new InputError(`--as-of must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  return value;
}
