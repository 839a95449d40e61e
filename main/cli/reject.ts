/** `reject <id> --comment TEXT`: rejects a promise awaiting approval; the comment says why. */
import { promiseCommand } from './promise-command';

export const { spec, run } = promiseCommand(
  'reject',
  'Rejects a promise awaiting approval, releasing what it holds; the comment says why.',
  true,
  (desk, actor, id, comment) => desk.promises.reject(actor, id, comment ?? ''),
);
