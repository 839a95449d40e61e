/**
 * The check screen's form as plain data, and what it becomes: the request sent to `check:run`,
 * the field errors placed next to their fields, and the alternatives applied to a line.
 * Pure functions, so the rules are tested without a browser.
 */
import type { PlantSummary } from '../shared/contract';
import type { Alternative, CheckRequestInput } from '../shared/schemas/check';
import { addDays } from '../shared/units/days';

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

/** A typed whole number becomes a JSON number; anything else is sent as typed for the engine to name. */
function qtyValue(s: string): number | string {
  const t = s.trim();
  return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : t;
}

export function toRequest(d: Draft): CheckRequestInput {
  return {
    customer: d.customer,
    region: d.region,
    mode: d.mode,
    lines: d.lines.map((l) => ({ sku: l.sku.trim(), qty: qtyValue(l.qty) as number, requested_date: l.requested_date, unit_price: l.unit_price.trim() })),
  };
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
 * Applies an alternative to line `index` (result lines are in request order):
 * - `later_date`: the full quantity on the alternative's date;
 * - `partial`: the line splits into one line per delivery (what is available by the requested
 *   date, then the rest);
 * - `fastest_plan`: the date of that plan, and Delivery mode express when the plan is express.
 */
export function applyAlternative(d: Draft, index: number, alt: Alternative): Draft {
  const line = d.lines[index];
  const [first] = alt.deliveries;
  if (!line || !first) return d;
  if (alt.kind === 'partial') {
    const parts = alt.deliveries.filter((x) => x.qty > 0).map((x, k) => ({ ...(k === 0 ? line : newLine(x.date)), sku: line.sku, unit_price: line.unit_price, priceEdited: line.priceEdited, qty: String(x.qty), requested_date: x.date }));
    const lines = [...d.lines];
    lines.splice(index, 1, ...parts);
    return { ...d, lines };
  }
  const dated = updateLine(d, line.id, (l) => ({ ...l, requested_date: first.date }));
  return alt.kind === 'fastest_plan' && alt.mode === 'express' ? { ...dated, mode: 'express' } : dated;
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
