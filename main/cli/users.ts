/**
 * `users add NAME --role ROLE | list [--json] | disable NAME | role NAME ROLE | passphrase NAME`
 * (`promises.md`, Command line). The first user is added without anyone acting and must be an
 * admin; after that an admin acts (`--user` and the passphrase), except that users change their own
 * passphrase. New passphrases come from PROMISE_NEW_PASSPHRASE or are typed on the terminal.
 */
import { InputError, parseCommand, UsageError } from './args';
import { actingUser, cliSource, withDesk } from './open-desk';
import { out, outJson } from './output';
import { currentPassphrase, newPassphrase } from './passphrase-input';

const USAGE = [
  'users add NAME --role ROLE [--db FILE] [--user ADMIN]',
  'users list [--json] [--db FILE]',
  'users disable NAME [--db FILE] --user ADMIN',
  'users role NAME ROLE [--db FILE] --user ADMIN',
  'users passphrase NAME [--db FILE] --user NAME|ADMIN',
].join('\n       ');

const spec = (positionals: string[], options: Record<string, 'string' | 'boolean'>) => ({ usage: USAGE, positionals, options: { db: 'string', ...options } as Record<string, 'string' | 'boolean'> });

export async function run(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add': {
      const { positionals, values } = parseCommand(rest, spec(['the user name'], { role: 'string', user: 'string' }));
      if (typeof values.role !== 'string') throw new UsageError(`--role is required\nusage: ${USAGE}`);
      const name = positionals[0]!;
      return withDesk(values.db as string | undefined, async (desk) => {
        const first = await desk.people.singleUserMode();
        const actor = first ? null : await actingUser(desk, values.user as string | undefined);
        const u = await desk.people.addUser(actor, name, values.role, await newPassphrase(name));
        out(`Added ${u.name} (${u.role}), key fingerprint ${u.fingerprint}.${first ? ' Single-user mode has ended: from now on every change names a user.' : ''}`);
        return 0;
      });
    }
    case 'list': {
      const { values } = parseCommand(rest, spec([], { json: 'boolean' }));
      return withDesk(values.db as string | undefined, async (desk) => {
        const users = await desk.people.listUsers();
        if (values.json) outJson(users.map((u) => ({ name: u.name, role: u.role, disabled: u.disabled, fingerprint: u.fingerprint, created_at: u.createdAt })));
        else if (users.length === 0) out('No users: the database is in single-user mode.');
        else for (const u of users) out(`${u.name.padEnd(24)} ${u.role.padEnd(10)} ${u.fingerprint}${u.disabled ? '  disabled' : ''}`);
        return 0;
      });
    }
    case 'disable': {
      const { positionals, values } = parseCommand(rest, spec(['the user name'], { user: 'string' }));
      return withDesk(values.db as string | undefined, async (desk) => {
        const u = await desk.people.disableUser(await actingUser(desk, values.user as string | undefined), positionals[0]!);
        out(`Disabled ${u.name}; what they signed still verifies.`);
        return 0;
      });
    }
    case 'role': {
      const { positionals, values } = parseCommand(rest, spec(['the user name', 'the role'], { user: 'string' }));
      return withDesk(values.db as string | undefined, async (desk) => {
        const u = await desk.people.setRole(await actingUser(desk, values.user as string | undefined), positionals[0]!, positionals[1]);
        out(`${u.name} is now ${u.role}.`);
        return 0;
      });
    }
    case 'passphrase': {
      const { positionals, values } = parseCommand(rest, spec(['the user name'], { user: 'string' }));
      const user = values.user as string | undefined;
      return withDesk(values.db as string | undefined, async (desk) => {
        if (await desk.people.singleUserMode()) throw new InputError('there are no users in this database');
        if (!user) throw new InputError('name who acts with --user NAME (the user themselves, or an admin)');
        const current = await currentPassphrase(user);
        if (current === null) throw new InputError(`no passphrase for ${user}: set PROMISE_PASSPHRASE or run this in a terminal`);
        const actor = await desk.people.signIn(user, current, cliSource());
        const target = positionals[0]!;
        const r = await desk.people.changePassphrase(actor, target, await newPassphrase(target), current, cliSource());
        out(r.newKey ? `Reset the passphrase of ${r.user.name}: new key fingerprint ${r.user.fingerprint}; what the old key signed still verifies.` : `Changed the passphrase of ${r.user.name}; the key is the same (${r.user.fingerprint}).`);
        return 0;
      });
    }
    default:
      throw new UsageError(`${sub === undefined ? 'missing' : `unknown users command ${JSON.stringify(sub)}; expected`} add, list, disable, role or passphrase\nusage: ${USAGE}`);
  }
}
