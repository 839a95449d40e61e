/**
 * Where the desktop app's data is: on *this computer* (a SQLite file and the demo plant) or on
 * *a team server* (its address; a self-signed certificate only by its SHA-256 fingerprint). The
 * desktop's main process answers these; the preview and a team server say they do not apply.
 */
import { z } from 'zod';

const url = z
  .string()
  .trim()
  .max(500)
  .refine((u) => /^https?:\/\/[^\s/]+/i.test(u), 'must be an address like https://desk.example:8443/');
const fingerprint = z
  .string()
  .trim()
  .max(200)
  .refine((f) => f === '' || /^[0-9a-f]{64}$/i.test(f.replace(/[\s:]/g, '')), 'must be a SHA-256 fingerprint: 64 hex digits, as the server printed it');

export const connectionView = z.object({
  /** `unset`: first run, nothing chosen yet. */
  mode: z.enum(['unset', 'local', 'team']),
  url: z.string().nullable(),
  fingerprint: z.string().nullable(),
});
export type ConnectionView = z.output<typeof connectionView>;

export const connectionChoice = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('local') }),
  z.strictObject({ mode: z.literal('team'), url, fingerprint: fingerprint.optional() }),
]);
export type ConnectionChoice = z.output<typeof connectionChoice>;

export const connectionContract = {
  'connection:get': { input: z.strictObject({}).optional(), output: connectionView },
  /** Tries the server first: a choice that cannot be reached (or a wrong fingerprint) is refused, nothing saved. */
  'connection:set': {
    input: connectionChoice,
    output: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), connection: connectionView }), z.object({ ok: z.literal(false), message: z.string() })]),
  },
} as const;
