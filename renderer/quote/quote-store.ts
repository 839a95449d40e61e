/**
 * The quote in progress, kept per user in the window's local storage: it survives going to another
 * screen, the back button, a reload and a restart of the app, until it is sent (confirmed or
 * submitted), saved as a draft or cleared. What is read back is checked field by field (it may
 * come from an older version or be edited by hand); anything unreadable is ignored, never thrown.
 */
import { z } from 'zod';
import type { Draft } from './check-draft';

const KEY = 'promise-desk:quote:';

const stored = z.object({
  customer: z.string().max(200),
  region: z.string().max(64),
  mode: z.enum(['standard', 'express']),
  /** The saved draft this quote continues, if it was opened from one. */
  from: z.string().max(32).nullable().optional(),
  lines: z
    .array(
      z.object({
        id: z.string().max(64),
        sku: z.string().max(64),
        qty: z.string().max(64),
        requested_date: z.string().max(10),
        unit_price: z.string().max(64),
        priceEdited: z.boolean(),
      }),
    )
    .min(1)
    .max(500),
});

export interface KeptQuote {
  draft: Draft;
  /** The saved draft it continues (its id), or null for a new quote. */
  from: string | null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: the quote lives as long as the screen
  }
}

export function loadQuote(user: string): KeptQuote | null {
  const raw = storage()?.getItem(KEY + user);
  if (!raw) return null;
  try {
    const v = stored.safeParse(JSON.parse(raw));
    if (!v.success) return null;
    const { from, ...draft } = v.data;
    return { draft, from: from ?? null };
  } catch {
    return null;
  }
}

export function saveQuote(user: string, quote: KeptQuote): void {
  try {
    storage()?.setItem(KEY + user, JSON.stringify({ ...quote.draft, from: quote.from }));
  } catch {
    // Full or switched off: nothing to do but keep the quote on screen.
  }
}

export function clearQuote(user: string): void {
  storage()?.removeItem(KEY + user);
}

/** Something typed that would be lost: a customer or any line with a product or quantity. */
export function hasContent(d: Draft): boolean {
  return d.customer.trim() !== '' || d.lines.some((l) => l.sku.trim() !== '' || l.qty.trim() !== '');
}
