/** `cancel <id> [--comment TEXT]`: sales cancel their own promises, operations and managers any. */
import { promiseCommand } from './promise-command';

export const { spec, run } = promiseCommand(
  'cancel',
  'Cancels a promise and releases what it holds (sales their own promises, operations and managers any).',
  false,
  (desk, actor, id, comment) => desk.promises.cancel(actor, id, comment ?? null),
);
