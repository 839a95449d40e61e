/**
 * Where the command line writes: results on stdout, messages on stderr, nothing else on either.
 * Text printed here comes from users and workbooks (`promise-check.md`: control characters are
 * never written raw to a terminal): control characters other than line feed and tab,
 * bidirectional controls and lone surrogates are written escaped (`\u001b`), so a customer name
 * cannot move the cursor, rewrite a line, ring the bell or show itself reversed. JSON output is
 * still valid JSON (the escapes are JSON's own, and only strings can hold such characters).
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu;
/** A message line longer than this is cut: a 50 MB value is not printed whole. */
const MAX_MESSAGE_LINE = 2000;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function cutLines(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.length > MAX_MESSAGE_LINE ? `${l.slice(0, MAX_MESSAGE_LINE)}… (${l.length.toLocaleString('en')} characters)` : l))
    .join('\n');
}

const line = (text: string) => terminalSafe(text.endsWith('\n') ? text : `${text}\n`);
export const out = (text: string) => process.stdout.write(line(text));
export const err = (text: string) => process.stderr.write(line(cutLines(text)));
export const outJson = (value: unknown) => out(JSON.stringify(value, null, 2));
