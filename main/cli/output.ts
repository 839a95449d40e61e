/** Where the command line writes: results on stdout, messages on stderr, nothing else on either. */
export const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
export const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
export const outJson = (value: unknown) => out(JSON.stringify(value, null, 2));
