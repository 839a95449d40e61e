/**
 * "Changes are checked as of today" (`promises.md`): once users exist, confirm, submit, approve
 * and re-promise run as of today, and a change that asks for another as-of date is refused with
 * nothing held. In single-user mode an as-of date may be given (to try the plant on another day).
 */
export function asOfRefusal(asked: string | undefined, today: string, singleUser: boolean): string | null {
  if (asked === undefined || asked === today || singleUser) return null;
  return `Changes are checked as of today (${today}): another as-of date (${asked}) is refused once users exist. Nothing was held.`;
}
