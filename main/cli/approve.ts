/** `approve <id> [--comment TEXT]`: approves for the roles the promise still needs (`promises.md`). */
import { promiseCommand } from './promise-command';

export const { spec, run } = promiseCommand('approve', false, (desk, actor, id, comment) => desk.promises.approve(actor, id, comment ?? null));
