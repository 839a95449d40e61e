/**
 * What a promise holds (`promise-check.md`: a promise holds what its chosen plans use), as one
 * schema: the engine's `Hold` type is derived from it, and hold rows read back from a database are
 * parsed by it. Hours are integers of 1/10,000 h (the workbook's 4 decimals), so that any number
 * of holds and releases adds up exactly.
 */
import { z } from 'zod';
import { dateStr } from './fields';

const int = z.number().int();

export const hold = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('goods'),
    /** Index of the request line that holds it. */
    line: int.min(0),
    sku: z.string(),
    date: dateStr,
    qty: int.min(0),
    /** `finished`: the line's own product on its dispatch day; `component`: BOM use on a production day. */
    use: z.enum(['finished', 'component']),
  }),
  z.object({ type: z.literal('hours'), line: int.min(0), resource_id: z.string(), date: dateStr, regular_e4: int.min(0), overtime_e4: int.min(0) }),
]);

export type Hold = z.output<typeof hold>;
