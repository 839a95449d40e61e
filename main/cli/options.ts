/**
 * Options several commands share, each defined once with its help line. `STORE_OPTIONS` is what
 * every command that opens the database takes: an option added there (a server URL, say) reaches
 * every such command, its parsing and its `--help` at once; `open-store.ts` reads it.
 */
import type { OptionSpec } from './args';

export const STORE_OPTIONS = {
  db: { type: 'string', value: 'FILE|URL', help: "the database: a file, or a team database postgres://… (default: $PROMISE_DB, then the app's own)" },
} as const satisfies Record<string, OptionSpec>;

/** The values of the store options, as `open-store.ts` receives them. */
export type StoreValues = { [K in keyof typeof STORE_OPTIONS]?: string };

export const JSON_OPTION = {
  json: { type: 'boolean', help: 'print one JSON object on stdout instead of text (shapes: docs/cli.md)' },
} as const satisfies Record<string, OptionSpec>;

export const AS_OF_OPTION = {
  'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'the day the check is made for (default: today)' },
} as const satisfies Record<string, OptionSpec>;

export const USER_OPTION = {
  user: { type: 'string', value: 'NAME', help: 'who acts, once users exist (passphrase from $PROMISE_PASSPHRASE or the terminal)' },
} as const satisfies Record<string, OptionSpec>;
