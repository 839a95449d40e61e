/**
 * What to tell the customer, one sentence per line, before any detail: "20 CP-50 delivered
 * Thu 17 Dec, OK to promise"; "20 CP-50 not by 17 Dec: 10 by 17 Dec and the other 10 on
 * Fri 8 Jan, or all 20 on Fri 8 Jan". Dates in the interface's locale; "Copy as text" puts the
 * same sentences on the clipboard for an e-mail.
 */
import type { CheckResult, LineResult } from '../../shared/schemas/check';
import { formatQty } from '../format';

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export function sayDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFmt.format(Date.UTC(y!, m! - 1, d!));
}

/** The delivery date the chosen plan promises (dispatch day + transit), or null when none is on time. */
export function promisedDate(line: LineResult): string | null {
  return line.plans.find((p) => p.kind === line.chosen_plan)?.delivery_date ?? null;
}

const APPROVAL_WORDS: Record<string, string> = {
  needs_overtime: 'overtime',
  needs_express: 'express',
  margin_below_floor: 'the margin',
  discount_above_limit: 'the discount',
};

export function customerSentence(line: LineResult): string {
  const what = `${formatQty(line.qty)} ${line.sku}`;
  const promised = promisedDate(line);
  if (line.status === 'ok' && promised) return `${what} delivered ${sayDay(promised)}, OK to promise.`;
  if (line.status === 'needs_approval' && promised) {
    const why = [...new Set(line.reasons.map((r) => APPROVAL_WORDS[r.code]).filter(Boolean))];
    return `${what} delivered ${sayDay(promised)} once approved (${why.join(', ')}).`;
  }
  const offers = line.alternatives.map((a) => {
    const d = a.deliveries;
    const approval = a.status === 'needs_approval' ? ' once approved' : '';
    if (a.kind === 'partial') return `${formatQty(d[0]!.qty)} by ${sayDay(d[0]!.date)} and the other ${formatQty(d[1]!.qty)} on ${sayDay(d[1]!.date)}${approval}`;
    const how = a.kind === 'fastest_plan' && a.plan && a.plan !== 'regular' ? ` with ${a.plan.replace('_', ' and ')}` : '';
    return `all ${formatQty(d[0]!.qty)} on ${sayDay(d[0]!.date)}${how}${approval}`;
  });
  if (offers.length === 0) return `${what} cannot be delivered by ${sayDay(line.requested_date)}, nor within the planning horizon.`;
  return `${what} not by ${sayDay(line.requested_date)}: ${offers.join(', or ')}.`;
}

/** The customer sentences of a whole answer, for an e-mail. */
export function quoteText(result: CheckResult, customer: string): string {
  const head = customer.trim() ? `Delivery for ${customer.trim()} (${result.region}):` : `Delivery to ${result.region}:`;
  return [head, ...result.lines.map((l) => `- ${customerSentence(l)}`)].join('\n');
}
