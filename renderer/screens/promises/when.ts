/** Moments (ISO times in UTC) for people: date and time in the system's locale and time zone. */
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFmt.format(t);
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;

/** A sentence from the main process with its ISO times written for people ("held until 7 Mar 2026, 12:00"). */
export function humanTimes(message: string): string {
  return message.replace(ISO_TIME, (iso) => formatDateTime(iso));
}
