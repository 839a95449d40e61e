/** What Help > Check for Updates says, from what the check found. Pure, so every case is tested. */
export type UpdateCheck =
  | { feed: false }
  | { feed: true; error: string }
  /** `available`: electron-updater's own comparison (semver) of the feed's version with ours. */
  | { feed: true; current: string; latest: string | null; available: boolean };

export interface UpdateVerdict {
  ok: boolean;
  message: string;
  detail: string;
}

export function updateVerdict(c: UpdateCheck): UpdateVerdict {
  if (!c.feed) return { ok: true, message: 'This build does not look for updates.', detail: 'It was built without an update address; new versions are installed by hand.' };
  if ('error' in c) return { ok: false, message: 'Could not look for updates.', detail: `${c.error}\nPromise Desk keeps working; it looks again at the next start.` };
  if (!c.available || c.latest === null) return { ok: true, message: `Promise Desk ${c.current} is the latest version.`, detail: '' };
  return { ok: true, message: `Promise Desk ${c.latest} is available.`, detail: `It is being downloaded now and is installed when you quit (this is ${c.current}).` };
}
