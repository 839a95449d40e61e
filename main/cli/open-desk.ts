/**
 * The database a command works on with the people and promise services over it, and who acts:
 * `local` while the database has no users, else `--user NAME` with the passphrase.
 */
import { userInfo } from 'node:os';
import { ForbiddenError } from '../access/authorize';
import { AuthError, type Actor } from '../people/people-service';
import type { Desk } from '../desk/open-desk';
import { InputError } from './args';
import { openForCommand, type CommandOpenOptions } from './open-store';
import type { StoreValues } from './options';
import { currentPassphrase } from './passphrase-input';

export async function withDesk<T>(where: StoreValues, fn: (desk: Desk, path: string) => Promise<T>, opts: CommandOpenOptions = {}): Promise<T> {
  const { desk, path } = await openForCommand(where, opts);
  try {
    await desk.promises.expireHolds();
    return await fn(desk, path);
  } catch (e) {
    // Refusals by the people rules and by the role gate: exit 1 with the sentence.
    if (e instanceof AuthError || e instanceof ForbiddenError) throw new InputError(e.message);
    throw e;
  } finally {
    await desk.close();
  }
}

/** Who acts in a command that changes data; refused (exit 1) when that cannot be proved. */
export async function actingUser(desk: Desk, userFlag: string | undefined): Promise<Actor> {
  return desk.people.resolveActor(userFlag, () => currentPassphrase(userFlag ?? ''), cliSource());
}

/**
 * Sign-ins from the command line are throttled per operating-system account: another account on
 * the machine guessing a passphrase does not keep the user out.
 */
export function cliSource(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}
