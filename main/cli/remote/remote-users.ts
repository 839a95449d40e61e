/**
 * `users …` through a team server: the same commands and sentences as against a local database.
 * The first admin is never added through a server (the operator adds it against the database).
 */
import { InputError, parseCommand, UsageError, type OptionSpec } from '../args';
import { out, outJson } from '../output';
import { newPassphrase } from '../passphrase-input';
import { withServer } from './team-session';

const USAGE = [
  'users add NAME --role ROLE --server URL --user ADMIN',
  'users list [--json] --server URL --user NAME',
  'users disable NAME --server URL --user ADMIN',
  'users role NAME ROLE --server URL --user ADMIN',
  'users passphrase NAME --server URL --user NAME|ADMIN',
].join('\n       ');

const spec = (positionals: string[], options: Record<string, OptionSpec> = {}) => ({
  usage: USAGE,
  about: 'People, through a team server.',
  positionals,
  options: { server: { type: 'string', help: 'the team server' }, fingerprint: { type: 'string', help: 'its certificate fingerprint' }, user: { type: 'string', help: 'who signs in' }, ...options } as Record<string, OptionSpec>,
});
type Flags = { server?: string; fingerprint?: string; user?: string };

export async function run(argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add': {
      const { positionals, values } = parseCommand(rest, spec(['the user name'], { role: { type: 'string', help: '' } }));
      if (typeof values.role !== 'string') throw new UsageError(`--role is required\nusage: ${USAGE}`);
      const name = positionals[0]!;
      return withServer(values as Flags, async (desk) => {
        const u = await desk.value('users:add', { name, role: values.role as never, passphrase: await newPassphrase(name) });
        out(`Added ${u.name} (${u.role}), key fingerprint ${u.fingerprint}.`);
        return 0;
      });
    }
    case 'list': {
      const { values } = parseCommand(rest, spec([], { json: { type: 'boolean', help: '' } }));
      return withServer(values as Flags, async (desk) => {
        const users = await desk.value('users:list');
        if (values.json) outJson(users.map((u) => ({ name: u.name, role: u.role, disabled: u.disabled, fingerprint: u.fingerprint, created_at: u.created_at })));
        else for (const u of users) out(`${u.name.padEnd(24)} ${u.role.padEnd(10)} ${u.fingerprint}${u.disabled ? '  disabled' : ''}`);
        return 0;
      });
    }
    case 'disable': {
      const { positionals, values } = parseCommand(rest, spec(['the user name']));
      return withServer(values as Flags, async (desk) => {
        const u = await desk.value('users:disable', { name: positionals[0]! });
        out(`Disabled ${u.name}; what they signed still verifies.`);
        return 0;
      });
    }
    case 'role': {
      const { positionals, values } = parseCommand(rest, spec(['the user name', 'the role']));
      return withServer(values as Flags, async (desk) => {
        const u = await desk.value('users:role', { name: positionals[0]!, role: positionals[1] as never });
        out(`${u.name} is now ${u.role}.`);
        return 0;
      });
    }
    case 'passphrase': {
      const { positionals, values } = parseCommand(rest, spec(['the user name']));
      if (!values.user) throw new InputError('name who acts with --user NAME (the user themselves, or an admin)');
      const target = positionals[0]!;
      return withServer(values as Flags, async (desk) => {
        const self = String(values.user).toLowerCase() === target.toLowerCase();
        const r = await desk.value('users:passphrase', { name: target, new_passphrase: await newPassphrase(target), ...(self ? { current_passphrase: desk.passphrase } : {}) });
        out(r.new_key ? `Reset the passphrase of ${r.user.name}: new key fingerprint ${r.user.fingerprint}; what the old key signed still verifies.` : `Changed the passphrase of ${r.user.name}; the key is the same (${r.user.fingerprint}).`);
        return 0;
      });
    }
    default:
      throw new UsageError(`${sub === undefined ? 'missing' : `unknown users command ${JSON.stringify(sub)}; expected`} add, list, disable, role or passphrase\nusage: ${USAGE}`);
  }
}
