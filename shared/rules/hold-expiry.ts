/** "A hold expires `policy.hold_days` × 24 hours after the submission" (`promises.md`), as an ISO instant. */
export function holdExpiresAt(submittedAt: string, holdDays: number): string {
  return new Date(Date.parse(submittedAt) + holdDays * 24 * 3600 * 1000).toISOString();
}
