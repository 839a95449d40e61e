import { z } from 'zod';
import { decimal, identifier, isoDate, required, text, withDefault } from '../fields';

const dayHours = required(decimal({ places: 4, max: '24' }));

/** calendars.csv: a week's working pattern (hours per weekday). */
export const calendarRow = z.object({
  calendar_id: required(identifier),
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});
export type CalendarRow = z.output<typeof calendarRow>;

/** calendar_exceptions.csv: hours on each day of an inclusive date range (0 = holiday). */
export const calendarExceptionRow = z.object({
  calendar_id: required(identifier),
  date_from: required(isoDate),
  date_to: required(isoDate),
  hours: dayHours,
  note: withDefault(text(500)),
});
export type CalendarExceptionRow = z.output<typeof calendarExceptionRow>;
