/**
 * The check screen's form as plain data, and what it becomes: the request sent to `check:run`,
 * the field errors placed next to their fields, and the alternatives applied to a line.
 * Pure functions, so the rules are tested without a browser.
 */
import type { PlantSummary } from '../../shared/contract';
import type { Alternative, CheckRequestInput } from '../../shared/schemas/check';
import { alternativeLines } from '../../shared/engine/alternatives';
import { addDays } from '../../shared/engine/days';
import { parsePrice, parseWhole, type Marks } from './locale-number';

export interface DraftLine {
  /** Stable identity for React keys and focus; not sent. */
  id: string;
  sku: string;
  qty: string;
  requested_date: string;
  unit_price: string;
  /** True once the user typed a price: then choosing another product keeps it. */
  priceEdited: boolean;
}

export interface Draft {
  customer: string;
  region: string;
  mode: 'standard' | 'express';
  lines: DraftLine[];
}

let nextId = 1;
export function newLine(date: string, id = `line-${nextId++}`): DraftLine {
  return { id, sku: '', qty: '', requested_date: date, unit_price: '', priceEdited: false };
}

/** A first draft: the first region, standard mode, one empty line due two weeks after as-of. */
export function initialDraft(summary: PlantSummary): Draft {
  return { customer: '', region: summary.regions[0]?.region ?? '', mode: 'standard', lines: [newLine(addDays(summary.as_of, 14))] };
}

/** Nothing to check until some line names a product. */
export function isCheckable(d: Draft): boolean {
  return d.lines.some((l) => l.sku.trim() !== '');
}

/** What a line still needs before it can be checked: short words, and sentences for fields typed wrong. */
export interface LineNeeds {
  /** "a product", "a quantity"…, for "Line 2 still needs a quantity and a unit price". */
  missing: string[];
  /** Field errors in sentences, for what was typed but cannot be read. */
  errors: Partial<Record<'sku' | 'qty' | 'requested_date' | 'unit_price', string>>;
}

/**
 * The request built from the lines that are complete, and for every other line what it still
 * needs. Complete lines are checked while another is unfinished; the customer is not needed for a
 * check (only to confirm, submit or save). `sent[k]` is the draft index of request line k.
 */
export interface Built {
  request: CheckRequestInput | null;
  sent: number[];
  needs: Map<string, LineNeeds>;
}

export function buildRequest(d: Draft, summary: PlantSummary, marks: Marks): Built {
  const lines: CheckRequestInput['lines'] = [];
  const sent: number[] = [];
  const needs = new Map<string, LineNeeds>();
  d.lines.forEach((l, i) => {
    const n: LineNeeds = { missing: [], errors: {} };
    const sku = l.sku.trim();
    const product = summary.products.find((p) => p.sku === sku);
    if (sku === '') n.missing.push('a product');
    else if (!product) n.errors.sku = `There is no product ${sku}: choose one from the list.`;
    else if (product.list_price === null) n.errors.sku = `${sku} is not for sale (it has no list price): choose another product.`;
    const qty = parseWhole(l.qty, marks, product?.unit ?? 'pieces');
    if (l.qty.trim() === '') n.missing.push('a quantity');
    else if (!qty.ok) n.errors.qty = qty.message;
    if (l.requested_date === '') n.missing.push('a delivery date');
    else if (l.requested_date < summary.as_of) n.errors.requested_date = `Choose a delivery date on or after ${summary.as_of}: deliveries cannot be planned in the past.`;
    const price = parsePrice(l.unit_price, marks);
    if (l.unit_price.trim() === '') n.missing.push('a unit price');
    else if (!price.ok) n.errors.unit_price = price.message;
    if (n.missing.length === 0 && Object.keys(n.errors).length === 0 && qty.ok && price.ok) {
      lines.push({ sku, qty: qty.value, requested_date: l.requested_date, unit_price: price.value });
      sent.push(i);
    } else needs.set(l.id, n);
  });
  const request = lines.length ? { customer: d.customer.trim(), region: d.region, mode: d.mode, lines } : null;
  return { request, sent, needs };
}

/** "a quantity and a unit price"; "a product, a quantity and a delivery date". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The whole request, every line as typed (plain numbers), for saving and sending when all are complete. */
export function toRequest(d: Draft, summary: PlantSummary, marks: Marks): CheckRequestInput | null {
  const b = buildRequest(d, summary, marks);
  return b.needs.size === 0 ? b.request : null;
}

/** Sets a line's product, and its price to the list price unless the user typed one. */
export function chooseProduct(line: DraftLine, sku: string, summary: PlantSummary | null): DraftLine {
  const listPrice = summary?.products.find((p) => p.sku === sku)?.list_price ?? null;
  return { ...line, sku, unit_price: line.priceEdited || listPrice === null ? line.unit_price : listPrice };
}

export function updateLine(d: Draft, id: string, change: (l: DraftLine) => DraftLine): Draft {
  return { ...d, lines: d.lines.map((l) => (l.id === id ? change(l) : l)) };
}

/** A new empty line after `afterId`, due the same day; returns the draft and the new line's id. */
export function addLineAfter(d: Draft, afterId: string | null, fallbackDate: string): { draft: Draft; id: string } {
  const i = afterId === null ? d.lines.length - 1 : d.lines.findIndex((l) => l.id === afterId);
  const line = newLine(d.lines[i]?.requested_date || fallbackDate);
  const lines = [...d.lines];
  lines.splice(i + 1, 0, line);
  return { draft: { ...d, lines }, id: line.id };
}

export function removeLine(d: Draft, id: string): Draft {
  return d.lines.length <= 1 ? d : { ...d, lines: d.lines.filter((l) => l.id !== id) };
}

/**
 * Applies an alternative to draft line `index` as the engine checked it (shared/engine/alternatives.ts):
 * the line on the new date, or split into one line per delivery in its place. The request's
 * delivery mode is never changed (the fastest plan is chosen by its date).
 */
export function applyAlternative(d: Draft, index: number, alt: Alternative): Draft {
  const line = d.lines[index];
  if (!line || alt.deliveries.length === 0) return d;
  const parts = alternativeLines(line, alt).map((p, k) => ({ ...p, id: k === 0 ? line.id : newLine(p.requested_date).id, qty: String(p.qty) }));
  const lines = [...d.lines];
  lines.splice(index, 1, ...parts);
  return { ...d, lines };
}

/** Which field an issue path names: `customer`, `region`, `mode`, `lines`, or a line's field. */
export type FieldKey = 'customer' | 'region' | 'mode' | 'lines' | `${string}:${'sku' | 'qty' | 'requested_date' | 'unit_price'}`;

export function fieldOf(path: string, d: Draft): FieldKey | null {
  const m = /^lines\[(\d+)\]\.(sku|qty|requested_date|unit_price)$/.exec(path);
  if (m) {
    const line = d.lines[Number(m[1])];
    return line ? `${line.id}:${m[2] as 'sku'}` : 'lines';
  }
  if (/^lines(\[\d+\])?$/.test(path)) return 'lines';
  if (path === 'customer' || path === 'region' || path === 'mode') return path;
  return null;
}

/** Issues grouped by field; those naming no known field go under `''` and are shown at the top. */
export function issuesByField(issues: readonly { path: string; message: string }[], d: Draft): Map<FieldKey | '', string[]> {
  const out = new Map<FieldKey | '', string[]>();
  for (const i of issues) {
    const key = fieldOf(i.path, d) ?? '';
    out.set(key, [...(out.get(key) ?? []), i.message]);
  }
  return out;
}

/** `1234.5` → 12345000n (1/10,000); null when not a plain non-negative decimal. */
function scaled(s: string): bigint | null {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(s.trim());
  return m ? BigInt(m[1]! + (m[2] ?? '').padEnd(4, '0')) : null;
}

/**
 * Discount % of `price` against `listPrice` with two decimals (half away from zero), exactly;
 * shown as the user types, before the check answers. Null when either is not a number.
 */
export function discountPct(listPrice: string | null, price: string): string | null {
  const l = listPrice === null ? null : scaled(listPrice);
  const p = scaled(price);
  if (l === null || p === null || l === 0n) return null;
  const num = (l - p) * 10_000n; // hundredths of a percent, before dividing by the list price
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + l) / (2n * l);
  const s = `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
  return neg && q !== 0n ? `-${s}` : s;
}
