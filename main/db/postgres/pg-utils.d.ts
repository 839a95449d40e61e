// pg's own conversion of a JavaScript value to the text of a parameter (arrays as array
// literals, dates, JSON), exported by the package under `pg/lib/utils.js` without types.
declare module 'pg/lib/utils.js' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
