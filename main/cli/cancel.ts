/** `cancel <id> [--comment TEXT]`: sales cancel their own promises, operations and managers any. */
import { promiseCommand } from './promise-command';

export const { spec, run } = promiseCommand('cancel', false, (desk, actor, id, comment) => desk.promises.cancel(actor, id, comment ?? null));
