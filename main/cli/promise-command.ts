/**
 * What the commands that move a promise share: `<id> [--db FILE] [--user NAME] [--comment TEXT]`,
 * the acting user, and the outcome printed (exit 0) or refused on stderr (exit 1).
 */
import type { Actor } from '../people/people-service';
import type { Outcome } from '../services/promise-service';
import type { PromiseDesk } from '../services/open-promise-desk';
import { parseCommand } from './args';
import { actingUser, withDesk } from './open-desk';
import { err, out } from './output';

export function promiseCommand(name: string, commentRequired: boolean, act: (desk: PromiseDesk, actor: Actor, id: string, comment: string | undefined) => Promise<Outcome>) {
  const spec = {
    usage: `${name} <promise id> [--db FILE] [--user NAME] ${commentRequired ? '--comment TEXT' : '[--comment TEXT]'}`,
    positionals: ['the promise id'],
    options: { db: 'string', user: 'string', comment: 'string' },
  } as const;
  return {
    spec,
    async run(argv: readonly string[]): Promise<number> {
      const { positionals, values } = parseCommand(argv, spec);
      return withDesk(values.db, async (desk) => {
        const actor = await actingUser(desk, values.user);
        const o = await act(desk, actor, positionals[0]!, values.comment);
        if (!o.ok) {
          err(o.message);
          return 1;
        }
        out(o.message);
        return 0;
      });
    },
  };
}
