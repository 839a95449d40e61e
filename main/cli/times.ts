/**
 * Times in sentences for people: the services write ISO 8601 instants (`2026-03-07T11:00:00.000Z`,
 * exact, for the record); the command line shows them to the minute, in UTC and saying so
 * (`2026-03-07 11:00 UTC`). JSON output keeps the ISO form.
 */
const ISO_INSTANT = /\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z/g;

export function timesForPeople(text: string): string {
  return text.replace(ISO_INSTANT, '$1 $2 UTC');
}
