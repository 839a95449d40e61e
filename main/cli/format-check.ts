/** The readable form of a check: per line its status, availability, dates, chosen plan, costs and reasons. */
import type { CheckResult, LineResult, Plan } from '../../shared/schemas/check';

const STATUS_TEXT = { ok: 'OK', needs_approval: 'NEEDS APPROVAL', not_feasible: 'NOT FEASIBLE' } as const;

export function formatCheck(r: CheckResult): string {
  const out: string[] = [];
  out.push(`${STATUS_TEXT[r.status]}: ${r.customer}, region ${r.region} (${r.mode}), as of ${r.as_of}, data ${r.data_version}`);
  r.lines.forEach((l, i) => out.push('', ...formatLine(l, i, r.currency)));
  if (r.warnings.length) out.push('', 'Data warnings:', ...r.warnings.map((w) => `  - ${w.message}`));
  return out.join('\n') + '\n';
}

function formatLine(l: LineResult, i: number, currency: string): string[] {
  const out: string[] = [];
  out.push(`Line ${i + 1}: ${l.qty} ${l.unit} ${l.sku} (${l.name}) by ${l.requested_date} at ${l.unit_price} ${currency}: ${STATUS_TEXT[l.status]}`);
  const regular = l.plans.find((p) => p.kind === 'regular');
  const chosen = l.plans.find((p) => p.kind === l.chosen_plan);
  const shown = chosen ?? regular;
  if (shown) {
    const avail = shown.available_by_requested_date === null ? 'any quantity' : String(shown.available_by_requested_date);
    out.push(`  available by the requested date: ${avail}; earliest delivery of all ${l.qty}: ${shown.earliest_delivery_date ?? 'not within the horizon'}`);
  }
  out.push(`  chosen plan: ${chosen ? planHeadline(chosen) : 'none delivers on time'}`);
  out.push('  plans:');
  for (const p of l.plans) out.push(`    ${p.kind.padEnd(16)} ${planLine(p, currency)}`);
  out.push(`  list price ${l.list_price} ${currency}, discount ${l.discount_pct} %, margin floor ${l.min_margin_pct} %`);
  if (l.reasons.length) out.push('  reasons:', ...l.reasons.map((r) => `    - ${r.code}: ${r.message}`));
  if (l.alternatives.length) out.push('  alternatives:', ...l.alternatives.map((a) => `    - ${a.message}`));
  return out;
}

function planHeadline(p: Plan): string {
  return `${p.kind} (${p.mode}${p.overtime ? ', overtime' : ''}), dispatch ${p.dispatch_date ?? '-'}, delivery ${p.delivery_date ?? '-'}`;
}

function planLine(p: Plan, currency: string): string {
  const avail = p.available_by_requested_date === null ? 'any' : String(p.available_by_requested_date);
  const parts = [`earliest ${p.earliest_delivery_date ?? 'none'}`, `by date ${avail}`];
  if (p.cost) {
    parts.push(`cost ${p.cost.total} ${currency} (goods ${p.cost.goods}, overtime ${p.cost.overtime}, shipping ${p.cost.shipping})`);
    parts.push(`revenue ${p.revenue}`);
    parts.push(`margin ${p.margin_pct ?? '-'} %`);
  }
  return parts.join(', ');
}
