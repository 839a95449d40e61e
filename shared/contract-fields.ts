/**
 * Field schemas every part of the IPC contract uses. Inputs arrive as JSON strings; `stringVia`
 * checks them with the same cell schemas the workbook uses (which accept `unknown`), so callers'
 * types stay plain strings and the messages stay the workbook's.
 */
import { z } from 'zod';
import { isoDate } from './schemas/fields';

export { dateStr } from './schemas/fields';

export function stringVia(field: z.ZodType<string, unknown>) {
  return z.string().transform((v, ctx) => {
    const r = field.safeParse(v);
    if (r.success) return r.data;
    for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message });
    return z.NEVER;
  });
}

export const date = stringVia(isoDate);
export const asOf = date.optional();
/** A channel that takes no input. */
export const nothing = z.strictObject({}).optional();
