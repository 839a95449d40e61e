/**
 * What the commands that move a promise share: `<id> [--db FILE] [--user NAME] [--comment TEXT]
 * [--json]`, the acting user, and the outcome printed (exit 0) or refused on stderr (exit 1).
 * `--json` prints `{ ok, id, status, message }`, or `{ ok: false, id, reason, message }` when refused.
 */
import type { Actor } from '../people/people-service';
import type { Outcome } from '../services/promise-service';
import type { Desk } from '../desk/open-desk';
import { parseCommand } from './args';
import { actingUser, withDesk } from './open-desk';
import { JSON_OPTION, STORE_OPTIONS, USER_OPTION } from './options';
import { err, out, outJson } from './output';
import { timesForPeople } from './times';

export function promiseCommand(name: string, about: string, commentRequired: boolean, act: (desk: Desk, actor: Actor, id: string, comment: string | undefined) => Promise<Outcome>) {
  const spec = {
    usage: `${name} <promise id> ${commentRequired ? '--comment TEXT ' : ''}[options]`,
    about,
    positionals: ['the promise id'],
    options: {
      ...STORE_OPTIONS,
      ...USER_OPTION,
      comment: { type: 'string', value: 'TEXT', help: commentRequired ? 'why (required)' : 'a comment kept with the change' },
      ...JSON_OPTION,
    },
  } as const;
  return {
    spec,
    async run(argv: readonly string[]): Promise<number> {
      const { positionals, values } = parseCommand(argv, spec);
      const id = positionals[0]!;
      return withDesk(values, async (desk) => {
        const actor = await actingUser(desk, values.user);
        const o = await act(desk, actor, id, values.comment);
        if (!o.ok) {
          if (values.json) outJson({ ok: false, id, reason: o.kind, message: o.message });
          err(timesForPeople(o.message));
          return 1;
        }
        if (values.json) outJson({ ok: true, id: o.id, status: o.status, message: o.message });
        else out(timesForPeople(o.message));
        return 0;
      });
    },
  };
}
