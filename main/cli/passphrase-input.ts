/**
 * Passphrases on the command line: from the environment (scripts) or typed on the terminal with
 * no echo. Without either the command is refused at once; it never waits for input that cannot come.
 */
import { InputError } from './args';

/** Reads a line from the terminal without echoing it; null when there is no terminal. */
export function askHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stderr.isTTY) return Promise.resolve(null);
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let text = '';
    const finish = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return finish(text);
        if (c === '\u0003' || c === '\u0004') return finish(null);
        if (c === '\u007f' || c === '\b') text = text.slice(0, -1);
        else text += c;
      }
    };
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** The acting user's passphrase: `PROMISE_PASSPHRASE`, else asked on the terminal, else null. */
export async function currentPassphrase(name: string): Promise<string | null> {
  const env = process.env.PROMISE_PASSPHRASE;
  if (env !== undefined && env !== '') return env;
  return askHidden(`Passphrase for ${name}: `);
}

/** A new passphrase: `PROMISE_NEW_PASSPHRASE`, else typed twice on the terminal; refused without either. */
export async function newPassphrase(name: string): Promise<string> {
  const env = process.env.PROMISE_NEW_PASSPHRASE;
  if (env !== undefined && env !== '') return env;
  const first = await askHidden(`New passphrase for ${name} (at least 10 characters): `);
  if (first === null) throw new InputError(`no new passphrase for ${name}: set PROMISE_NEW_PASSPHRASE or run this in a terminal`);
  const again = await askHidden('The same again: ');
  if (again !== first) throw new InputError('the two passphrases differ; nothing was changed');
  return first;
}
