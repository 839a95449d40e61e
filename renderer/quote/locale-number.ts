/**
 * Numbers as people type them in the interface's locale: German `1.000` and `1395,50`, English
 * `1,000` and `1395.50`, French `1 000,5`; and the plain `1395.50` everywhere. What is typed
 * becomes an exact decimal string (never a binary float); what cannot be read gets a sentence
 * saying what to type, with an example in the same locale.
 *
 * Reading where a mark could mean two things: in a locale whose decimal mark is a comma, a dot is a
 * group mark when it separates groups of three digits (`1.000`, `12.345.678`) and the string has
 * no comma; otherwise it is the plain decimal point (`1395.50`). Groups must be of three digits,
 * so `1.00` is read as one and `10.00.0` is refused.
 */
export interface Marks {
  decimal: string;
  group: string;
  locale: string;
}

export function localeMarks(locale?: string): Marks {
  const f = new Intl.NumberFormat(locale);
  const parts = f.formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    locale: f.resolvedOptions().locale,
  };
}

const SPACES = /[\s\u00a0\u202f]/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `1.234.567,5` → `1234567.5`; null when it is not a number in this locale (or plain). */
export function normalise(text: string, marks: Marks): string | null {
  let t = text.trim();
  if (t === '') return null;
  const spaceGroup = SPACES.test(marks.group);
  SPACES.lastIndex = 0;
  if (spaceGroup) t = t.replace(SPACES, ' ');
  const group = spaceGroup ? ' ' : marks.group;
  const g = escape(group);
  const d = escape(marks.decimal);
  // Grouped integer part: 1–3 digits, then groups of exactly three.
  const grouped = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const m = grouped.exec(t);
  if (m) return m[1]!.split(group).join('') + (m[2] !== undefined ? `.${m[2]}` : '');
  // The plain form, whatever the locale: digits, a point, digits.
  const plain = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (plain) return plain[1]! + (plain[2] !== undefined ? `.${plain[2]}` : '');
  return null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A whole, positive number of units (`unit`: "pcs", "sets"…). */
export function parseWhole(text: string, marks: Marks, unit = 'pieces'): Parsed<number> {
  const example = `${new Intl.NumberFormat(marks.locale).format(20)}`;
  const say = `Type a whole number of ${unit}, e.g. ${example}.`;
  if (text.trim() === '') return { ok: false, message: `The quantity is missing. ${say}` };
  const n = normalise(text, marks);
  if (n === null || n.includes('.')) {
    // 20,0 or 20.00 are whole numbers typed with decimals: accepted.
    const whole = n !== null && /^\d+\.0+$/.test(n) ? n.split('.')[0]! : null;
    if (whole === null) return { ok: false, message: say };
    return positiveInt(whole, say);
  }
  return positiveInt(n, say);
}

function positiveInt(digits: string, say: string): Parsed<number> {
  const v = Number(digits);
  if (!Number.isSafeInteger(v)) return { ok: false, message: `That is more than can be delivered. ${say}` };
  if (v <= 0) return { ok: false, message: `The quantity must be at least 1. ${say}` };
  return { ok: true, value: v };
}

/** A positive price with at most 4 decimals, as an exact decimal string (`1395.5`). */
export function parsePrice(text: string, marks: Marks): Parsed<string> {
  const example = new Intl.NumberFormat(marks.locale, { minimumFractionDigits: 2 }).format(1395.5);
  const say = `Type a price like ${example}.`;
  if (text.trim() === '') return { ok: false, message: `The unit price is missing. ${say}` };
  const n = normalise(text, marks);
  if (n === null) return { ok: false, message: say };
  const [int = '', frac = ''] = n.split('.');
  if (frac.length > 4) return { ok: false, message: `A price has at most 4 decimals. ${say}` };
  if (/^0*$/.test(int) && /^0*$/.test(frac)) return { ok: false, message: `The unit price must be more than zero. ${say}` };
  const value = `${int.replace(/^0+(?=\d)/, '')}${frac ? `.${frac}` : ''}`;
  return { ok: true, value };
}
