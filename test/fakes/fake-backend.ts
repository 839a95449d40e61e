/**
 * A fake plant behind the Backend port, for the screen, contract and web-server tests while the
 * engine is not needed (or not there). Its rules are simple and stated here, not the engine's:
 * a line of up to 100 units is `ok`, up to 200 needs overtime, more is not feasible (100 by the
 * requested date, the rest a week later, or everything in 3 days by express).
 */
import { checkRequest, type CheckResult, type LineResult, type Plan, type RequestIssue } from '../../shared/schemas/check';
import { toIssues, type PlantSummary } from '../../shared/contract';
import { addDays } from '../../shared/units/days';
import type { Backend, CheckOutcome } from './fake-ports';
import { HandlerError } from '../../main/handlers/errors';

export const FAKE_AS_OF = '2026-03-02';

export const FAKE_SUMMARY: PlantSummary = {
  as_of: FAKE_AS_OF,
  data_version: 'v1-fake0001',
  currency: 'EUR',
  policy: { currency: 'EUR', default_min_margin_pct: '15', max_discount_pct: '10', horizon_days: 365, hold_days: 3 },
  products: [
    { sku: 'PUMP-100', name: 'Pump 100', unit: 'pcs', list_price: '120', supply: 'make' },
    { sku: 'VALVE-7', name: 'Brass valve', unit: 'pcs', list_price: '12.5', supply: 'make' },
    { sku: 'MOTOR-A', name: 'Motor A', unit: 'pcs', list_price: null, supply: 'buy' },
  ],
  regions: [
    { region: 'DE', modes: ['standard', 'express'] },
    { region: 'US', modes: ['standard'] },
  ],
  resources: [{ resource_id: 'LINE-1', name: 'Assembly line 1' }],
};

function money(n: number): string {
  return n.toFixed(2);
}

function plan(kind: Plan['kind'], qty: number, price: number, R: string, available: number, earliest: string, overtimeHours: number): Plan {
  const mode = kind.startsWith('express') ? 'express' : 'standard';
  const goods = qty * 60;
  const ot = overtimeHours * 10;
  const ship = qty + 25;
  const total = goods + ot + ship;
  const revenue = qty * price;
  return {
    kind,
    mode,
    overtime: kind.endsWith('overtime'),
    latest_dispatch_date: addDays(R, -2),
    available_by_requested_date: available,
    earliest_delivery_date: earliest,
    dispatch_date: addDays(earliest, -2),
    delivery_date: earliest,
    on_time: earliest <= R,
    from_stock: 0,
    bought_in: 0,
    produced: [
      { date: addDays(earliest, -4), qty: Math.ceil(qty / 2), resources: [{ resource_id: 'LINE-1', regular_hours: String(Math.ceil(qty / 2) / 2), overtime_hours: '0' }] },
      { date: addDays(earliest, -3), qty: Math.floor(qty / 2), resources: [{ resource_id: 'LINE-1', regular_hours: '8', overtime_hours: String(overtimeHours) }] },
    ],
    overtime_hours: String(overtimeHours),
    cost: { goods: money(goods), overtime: money(ot), shipping: money(ship), total: money(total) },
    revenue: money(revenue),
    margin_pct: money(((revenue - total) / revenue) * 100),
  };
}

function line(l: { sku: string; qty: number; requested_date: string; unit_price: string }, request: { mode: string; region: string }): LineResult {
  const product = FAKE_SUMMARY.products.find((p) => p.sku === l.sku)!;
  const R = l.requested_date;
  const price = Number(l.unit_price);
  const base = { sku: l.sku, name: product.name, unit: product.unit, qty: l.qty, requested_date: R, unit_price: l.unit_price, list_price: product.list_price!, discount_pct: money(((Number(product.list_price) - price) / Number(product.list_price)) * 100), min_margin_pct: '15' };
  const express = request.mode === 'standard' && request.region === 'DE';
  if (l.qty <= 100) return { ...base, status: 'ok', chosen_plan: 'regular', plans: [plan('regular', l.qty, price, R, l.qty, R, 0)], reasons: [], alternatives: [] };
  if (l.qty <= 200) {
    return {
      ...base,
      status: 'needs_approval',
      chosen_plan: 'overtime',
      plans: [plan('regular', l.qty, price, R, 100, addDays(R, 7), 0), plan('overtime', l.qty, price, R, l.qty, R, 4)],
      reasons: [{ code: 'needs_overtime', message: 'Assembly line 1 needs 4 hours of overtime.', resource_id: 'LINE-1' }],
      alternatives: [],
    };
  }
  const later = addDays(R, 7);
  const plans = [plan('regular', l.qty, price, R, 100, later, 0)];
  if (express) plans.push(plan('express', l.qty, price, R, 100, addDays(R, 3), 0));
  return {
    ...base,
    status: 'not_feasible',
    chosen_plan: null,
    plans,
    reasons: [{ code: 'capacity_short', message: `Assembly line 1 is fully booked until ${later}.`, resource_id: 'LINE-1' }],
    alternatives: [
      { kind: 'later_date', deliveries: [{ date: later, qty: l.qty }], message: `All ${l.qty} on ${later}.` },
      { kind: 'partial', deliveries: [{ date: R, qty: 100 }, { date: later, qty: l.qty - 100 }], message: `100 by ${R}, the rest on ${later}.` },
      ...(express ? [{ kind: 'fastest_plan' as const, plan: 'express' as const, mode: 'express' as const, deliveries: [{ date: addDays(R, 3), qty: l.qty }], message: 'Express: 3 days later.' }] : []),
    ],
  };
}

export interface FakeOptions {
  /** Milliseconds each check takes, or a function of the request (for out-of-order tests). */
  delay?: number | ((request: unknown) => number);
}

export function fakeBackend(opts: FakeOptions = {}): Backend & { checks: unknown[] } {
  const checks: unknown[] = [];
  return {
    checks,
    today: () => FAKE_AS_OF,
    async check(request, asOf): Promise<CheckOutcome> {
      checks.push(request);
      const ms = typeof opts.delay === 'function' ? opts.delay(request) : (opts.delay ?? 0);
      if (ms) await new Promise((r) => setTimeout(r, ms));
      const parsed = checkRequest.safeParse(request);
      if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
      const req = parsed.data;
      const issues: RequestIssue[] = [];
      if (!FAKE_SUMMARY.regions.some((r) => r.region === req.region)) issues.push({ path: 'region', message: `unknown region ${req.region}` });
      req.lines.forEach((l, i) => {
        const p = FAKE_SUMMARY.products.find((x) => x.sku === l.sku);
        if (!p) issues.push({ path: `lines[${i}].sku`, message: `unknown sku ${l.sku}` });
        else if (p.list_price === null) issues.push({ path: `lines[${i}].sku`, message: `${l.sku} is not for sale` });
        if (l.requested_date < asOf) issues.push({ path: `lines[${i}].requested_date`, message: `must not be before the as-of date ${asOf}` });
      });
      if (issues.length) return { ok: false, issues };
      const lines = req.lines.map((l) => line(l, req));
      const rank = { ok: 0, needs_approval: 1, not_feasible: 2 } as const;
      const status = lines.reduce<CheckResult['status']>((s, l) => (rank[l.status] > rank[s] ? l.status : s), 'ok');
      return { ok: true, result: { as_of: asOf, data_version: FAKE_SUMMARY.data_version, currency: 'EUR', customer: req.customer, region: req.region, mode: req.mode, status, lines, warnings: [] } };
    },
    summary: (asOf) => ({ ...FAKE_SUMMARY, as_of: asOf }),
    capacity(ids, from, to) {
      const unknown = ids.find((id) => id !== 'LINE-1');
      if (unknown) throw new HandlerError('not_found', `There is no resource ${unknown}.`);
      const days = [];
      for (let d = from; d <= to; d = addDays(d, 1)) {
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
        const open = weekday !== 0 && weekday !== 6;
        days.push({ date: d, calendar_hours: open ? '8' : '0', load_hours: open ? '2' : '0', held_hours: open ? '1.5' : '0', overtime_hours_available: open ? '2' : '0' });
      }
      return { resources: [{ resource_id: 'LINE-1', name: 'Assembly line 1', days }] };
    },
  };
}
