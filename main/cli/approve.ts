/** `approve <id> [--comment TEXT]`: approves for the roles the promise still needs (`promises.md`). */
import { promiseCommand } from './promise-command';

export const { spec, run } = promiseCommand(
  'approve',
  'Approves a promise awaiting approval for the roles it still needs that the acting user has; the last approval confirms it.',
  false,
  (desk, actor, id, comment) => desk.promises.approve(actor, id, comment ?? null),
);
