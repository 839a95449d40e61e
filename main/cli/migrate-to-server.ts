/**
 * `migrate-to-server --db FILE --to postgres://…`: moves a laptop's database into an empty team
 * database (migrated first): tables, users and keys, promises and holds, history and signed
 * summaries. The file is left as it was; a team database that is not empty is refused.
 */
import { TargetNotEmptyError, copyFileToPostgres } from '../db/postgres/copy-from-sqlite';
import { describeUrl } from '../db/postgres/migrate';
import { isPostgresUrl, openPostgres } from '../db/postgres/open-postgres';
import { InputError, parseCommand, usageError } from './args';
import { out } from './output';
import { existsSync } from 'node:fs';

export const spec = {
  usage: 'migrate-to-server --db FILE --to postgres://USER@HOST:PORT/DATABASE',
  about: "Moves a laptop's database into an empty team database (migrated first): tables, users and keys, promises and holds, history and signed summaries. The file is left as it was; a team database that is not empty is refused.",
  positionals: [],
  options: {
    db: { type: 'string', value: 'FILE', help: "the laptop's database file (default: $PROMISE_DB)" },
    to: { type: 'string', value: 'URL', help: 'the team database, postgres://USER@HOST:PORT/DATABASE' },
  },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { values } = parseCommand(argv, spec);
  const file = values.db ?? process.env.PROMISE_DB;
  if (!file || isPostgresUrl(file)) throw usageError(spec, "--db names the laptop's database file");
  if (!values.to || !isPostgresUrl(values.to)) throw usageError(spec, '--to names the team database (postgres://…)');
  if (!existsSync(file)) throw new InputError(`There is no database ${file}.`);
  let team;
  try {
    team = await openPostgres(values.to);
  } catch (e) {
    throw new InputError(`Cannot open the team database ${describeUrl(values.to)}: ${(e as Error).message}.`);
  }
  try {
    const n = await copyFileToPostgres(file, team.store);
    out(
      `Moved ${file} into ${describeUrl(values.to)}: ${n.imports} imports, ${n.promises} promises with ${n.holds} holds, ` +
        `${n.users} users, ${n.summaries} signed summaries.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof TargetNotEmptyError) throw new InputError(e.message);
    throw e;
  } finally {
    await team.store.close();
  }
}
