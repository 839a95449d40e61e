/** `fulfil <id> [--comment TEXT]`: operations mark a confirmed promise fulfilled (holds released). */
import { promiseCommand } from './promise-command';

export const { spec, run } = promiseCommand(
  'fulfil',
  'Marks a confirmed promise fulfilled (operations), releasing what it holds.',
  false,
  (desk, actor, id, comment) => desk.promises.fulfil(actor, id, comment ?? null),
);
