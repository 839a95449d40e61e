/**
 * `users add NAME --role ROLE | list | disable NAME | role NAME ROLE | passphrase NAME`, each with
 * `--json` (`promises.md`, Command line). The first user is added without anyone acting and must
 * be an admin; after that an admin acts (`--user` and the passphrase), except that users change
 * their own passphrase. New passphrases come from PROMISE_NEW_PASSPHRASE or the terminal.
 */
import type { UserListing } from '../people/people-service';
import { asksForHelp, HelpRequest, helpText, InputError, parseCommand, usageError, type CommandSpec } from './args';
import { actingUser, cliSource, withDesk } from './open-desk';
import { JSON_OPTION, STORE_OPTIONS, USER_OPTION } from './options';
import { out, outJson } from './output';
import { currentPassphrase, newPassphrase } from './passphrase-input';

const OPTIONS = {
  ...STORE_OPTIONS,
  ...USER_OPTION,
  role: { type: 'string', value: 'ROLE', help: 'the new user\'s role: admin, sales, operations or manager (users add)' },
  ...JSON_OPTION,
} as const;

/** The whole `users` command, for `--help`; each form below parses only the options it takes. */
export const spec = {
  usage: [
    'users add NAME --role ROLE [--user ADMIN] [options]',
    'users list [options]',
    'users disable NAME --user ADMIN [options]',
    'users role NAME ROLE --user ADMIN [options]',
    'users passphrase NAME --user NAME|ADMIN [options]',
  ].join('\n'),
  about:
    "People and their keys. The first user is added without anyone acting and must be an admin (single-user mode ends). After that an admin acts, except that a user may change their own passphrase. New passphrases come from $PROMISE_NEW_PASSPHRASE or are typed on the terminal; what a disabled user or a replaced key signed still verifies. --json prints the user(s) as { name, role, disabled, fingerprint, created_at }.",
  positionals: [],
  options: OPTIONS,
} as const satisfies CommandSpec;

const form = <P extends readonly string[], K extends keyof typeof OPTIONS>(positionals: P, keys: readonly K[]) => ({
  ...spec,
  positionals,
  options: Object.fromEntries(keys.map((k) => [k, OPTIONS[k]])) as Pick<typeof OPTIONS, K>,
});

const userJson = (u: Pick<UserListing, 'name' | 'role' | 'disabled' | 'fingerprint' | 'createdAt'>) => ({ name: u.name, role: u.role, disabled: u.disabled, fingerprint: u.fingerprint, created_at: u.createdAt });

export async function run(argv: readonly string[]): Promise<number> {
  if (asksForHelp(argv)) throw new HelpRequest(helpText(spec));
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add': {
      const { positionals, values } = parseCommand(rest, form(['the user name'], ['db', 'user', 'role', 'json']));
      if (typeof values.role !== 'string') throw usageError(spec, '--role is required');
      const name = positionals[0]!;
      return withDesk(values, async (desk) => {
        const first = await desk.people.singleUserMode();
        const actor = first ? null : await actingUser(desk, values.user);
        const u = await desk.people.addUser(actor, name, values.role!, await newPassphrase(name));
        if (values.json) outJson(userJson(u));
        else out(`Added ${u.name} (${u.role}), key fingerprint ${u.fingerprint}.${first ? ' Single-user mode has ended: from now on every change names a user.' : ''}`);
        return 0;
      });
    }
    case 'list': {
      const { values } = parseCommand(rest, form([], ['db', 'json']));
      return withDesk(values, async (desk) => {
        const users = await desk.people.listUsers();
        if (values.json) outJson(users.map(userJson));
        else if (users.length === 0) out('No users: the database is in single-user mode.');
        else for (const u of users) out(`${u.name.padEnd(24)} ${u.role.padEnd(10)} ${u.fingerprint}${u.disabled ? '  disabled' : ''}`);
        return 0;
      });
    }
    case 'disable': {
      const { positionals, values } = parseCommand(rest, form(['the user name'], ['db', 'user', 'json']));
      return withDesk(values, async (desk) => {
        const u = await desk.people.disableUser(await actingUser(desk, values.user), positionals[0]!);
        if (values.json) outJson(userJson(u));
        else out(`Disabled ${u.name}; what they signed still verifies.`);
        return 0;
      });
    }
    case 'role': {
      const { positionals, values } = parseCommand(rest, form(['the user name', 'the role'], ['db', 'user', 'json']));
      return withDesk(values, async (desk) => {
        const u = await desk.people.setRole(await actingUser(desk, values.user), positionals[0]!, positionals[1]);
        if (values.json) outJson(userJson(u));
        else out(`${u.name} is now ${u.role}.`);
        return 0;
      });
    }
    case 'passphrase': {
      const { positionals, values } = parseCommand(rest, form(['the user name'], ['db', 'user', 'json']));
      const user = values.user;
      return withDesk(values, async (desk) => {
        if (await desk.people.singleUserMode()) throw new InputError('there are no users in this database');
        if (!user) throw new InputError('name who acts with --user NAME (the user themselves, or an admin)');
        const current = await currentPassphrase(user);
        if (current === null) throw new InputError(`no passphrase for ${user}: set PROMISE_PASSPHRASE or run this in a terminal`);
        const actor = await desk.people.signIn(user, current, cliSource());
        const target = positionals[0]!;
        const r = await desk.people.changePassphrase(actor, target, await newPassphrase(target), current, cliSource());
        if (values.json) outJson({ ...userJson(r.user), new_key: r.newKey });
        else
          out(
            r.newKey
              ? `Reset the passphrase of ${r.user.name}: new key fingerprint ${r.user.fingerprint}; what the old key signed still verifies.`
              : `Changed the passphrase of ${r.user.name}; the key is the same (${r.user.fingerprint}).`,
          );
        return 0;
      });
    }
    default:
      throw usageError(spec, `${sub === undefined ? 'missing' : `unknown users command ${JSON.stringify(sub)}; expected`} add, list, disable, role or passphrase`);
  }
}
