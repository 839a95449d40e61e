/**
 * Promises at risk (`promises.md`): the list sales and operations both see, and the two ways to
 * resolve one. A re-promise checks new dates or quantities against the current tables with the
 * promise's own holds released; when that check is `ok` the new promise is confirmed and the old
 * one cancelled in one transaction (nothing is dropped: the old one stays, cancelled, naming its
 * replacement). Otherwise nothing changes and the answer says why. Cancelling releases the holds.
 */
import { buildModel, runCheck, validateRequest } from '../../shared/engine';
import type { CheckResult, Reason, RequestIssue } from '../../shared/schemas/check';
import { resolvePolicy } from '../../shared/schemas/tables/policy';
import { authorize, type ActorRef } from '../access/authorize';
import { OPEN_STATUSES, type PromiseRecord, type PromiseStatus, type SignSummaries } from '../db/store';
import { NoPlantError, type OperationsDeps } from './operations-deps';

export interface AtRiskPromise {
  id: string;
  status: PromiseStatus;
  customer: string;
  region: string;
  mode: 'standard' | 'express';
  created_by: string;
  confirmed_at: string | null;
  submitted_at: string | null;
  reasons: Reason[];
  /** What was promised: the lines a re-promise starts from. */
  lines: { sku: string; qty: number; requested_date: string; unit_price: string }[];
}

export type RepromiseLines = AtRiskPromise['lines'];

export class PromiseNotFoundError extends Error {
  constructor(id: string, why = 'does not exist') {
    super(`Promise ${id} ${why}.`);
    this.name = 'PromiseNotFoundError';
  }
}

export type RecheckResult =
  | { ok: true; result: CheckResult }
  | { ok: false; kind: 'request'; issues: RequestIssue[] };

export type RepromiseResult =
  | { ok: true; id: string; replaces: string; result: CheckResult; status: 'confirmed' | 'awaiting_approval' }
  | { ok: false; kind: 'not_ok'; result: CheckResult }
  | { ok: false; kind: 'request'; issues: RequestIssue[] }
  | { ok: false; kind: 'conflict'; message: string };

const ATTEMPTS = 5;

function linesOf(p: PromiseRecord): RepromiseLines {
  return p.request.lines.map((l) => ({ sku: l.sku, qty: l.qty, requested_date: l.requested_date, unit_price: l.unit_price }));
}

export async function listAtRisk(deps: OperationsDeps): Promise<AtRiskPromise[]> {
  const list = await deps.checks.listPromises({ atRisk: true, status: OPEN_STATUSES });
  const out: AtRiskPromise[] = [];
  for (const s of list) {
    const p = await deps.checks.store.getPromise(s.id);
    if (!p) continue;
    out.push({
      id: p.id,
      status: p.status,
      customer: p.customer,
      region: p.region,
      mode: p.mode,
      created_by: p.createdBy,
      confirmed_at: p.confirmedAt,
      submitted_at: p.submittedAt,
      reasons: p.riskReasons,
      lines: linesOf(p),
    });
  }
  return out;
}

export async function countAtRisk(deps: OperationsDeps): Promise<number> {
  return (await deps.checks.listPromises({ atRisk: true, status: OPEN_STATUSES })).length;
}

async function openPromise(deps: OperationsDeps, id: string): Promise<PromiseRecord> {
  const p = await deps.checks.store.getPromise(id);
  if (!p) throw new PromiseNotFoundError(id);
  if (!OPEN_STATUSES.includes(p.status)) throw new PromiseNotFoundError(id, `is ${p.status}, not open`);
  return p;
}

/** Checks new lines for an open promise as if its own holds were released; holds nothing. */
async function recheckWith(deps: OperationsDeps, p: PromiseRecord, lines: RepromiseLines, asOf: string) {
  // Expires lapsed holds and gives the holds version this check sees (read before the holds).
  const m = await deps.checks.model(asOf);
  const plant = await deps.checks.loadPlant();
  if (!m || !plant) throw new NoPlantError();
  const holds = await deps.ops.openHoldsExcept(p.id);
  const model = buildModel(plant.workbook, { asOf, dataVersion: plant.dataVersion, holds });
  const v = validateRequest(model, { customer: p.request.customer, region: p.request.region, mode: p.request.mode, lines });
  if (!v.ok) return { ok: false as const, kind: 'request' as const, issues: v.issues };
  const { result, holds: newHolds } = runCheck(model, v.value);
  return { ok: true as const, result, request: v.value, holds: newHolds, holdsVersion: m.holdsVersion };
}

export async function recheckAtRisk(deps: OperationsDeps, id: string, lines: RepromiseLines, asOf: string = deps.checks.today()): Promise<RecheckResult> {
  const r = await recheckWith(deps, await openPromise(deps, id), lines, asOf);
  return r.ok ? { ok: true, result: r.result } : r;
}

export async function repromise(
  deps: OperationsDeps,
  actor: ActorRef,
  id: string,
  lines: RepromiseLines,
  /**
   * `summaries`: the signed summaries of the new promise, made from the check that confirms it.
   * `submit`: a check that needs approval is submitted for it (held for `hold_days`, as a submit
   * is), instead of refused; an `ok` check is confirmed either way.
   */
  opts: { asOf?: string; comment?: string; summaries?: (result: CheckResult) => SignSummaries; submit?: boolean; now?: () => Date } = {},
): Promise<RepromiseResult> {
  const asOf = opts.asOf ?? deps.checks.today();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const p = await openPromise(deps, id);
    authorize(actor, 'promises:confirm'); // every role that may confirm may also submit (promises.md)
    authorize(actor, 'promises:cancel', { createdBy: p.createdBy });
    const c = await recheckWith(deps, p, lines, asOf);
    if (!c.ok) return c;
    const submit = c.result.status === 'needs_approval' && opts.submit === true;
    if (c.result.status !== 'ok' && !submit) return { ok: false, kind: 'not_ok', result: c.result };
    const wanted = c.result.status;
    // Checked again inside a lock of the pools it reads, with the old promise's holds released.
    const h = await deps.checks.lockWithout(p.id, p.holds, c.request, asOf, (res) => res.status === wanted);
    if (!h) throw new NoPlantError();
    const decided = () => h.decided()?.result ?? c.result;
    const summaries = opts.summaries;
    const at = (opts.now ?? (() => new Date()))();
    const plant = submit ? await deps.checks.loadPlant() : null;
    const holdExpiresAt = plant ? new Date(at.getTime() + resolvePolicy(plant.workbook.policy).hold_days * 24 * 3600 * 1000).toISOString() : null;
    const status = submit ? ('awaiting_approval' as const) : ('confirmed' as const);
    const r = await deps.ops.replacePromise(
      id,
      p.status,
      submit
        ? { status, request: c.request, result: c.result, holds: c.holds, user: actor.name, at: at.toISOString(), holdExpiresAt, comment: opts.comment ?? null }
        : { status, request: c.request, result: c.result, holds: c.holds, user: actor.name, comment: opts.comment ?? null, ...(summaries ? { summaries: (pid, when) => summaries(decided())(pid, when) } : {}) },
      h.lock,
    );
    if (r.ok) return { ok: true, id: r.id, replaces: id, result: decided(), status };
    if (r.conflict === 'refused') return { ok: false, kind: 'not_ok', result: decided() };
    if (r.conflict !== 'holds_changed' && r.conflict !== 'plant_changed') throw new PromiseNotFoundError(id, r.status ? `is ${r.status} now` : 'does not exist');
    // The tables changed meanwhile: check again on them.
  }
  return { ok: false, kind: 'conflict', message: 'Other promises kept changing the capacity while this one was checked; try again.' };
}

export async function cancelPromise(deps: OperationsDeps, actor: ActorRef, id: string, comment: string | null): Promise<{ id: string; status: PromiseStatus }> {
  const p = await openPromise(deps, id);
  authorize(actor, 'promises:cancel', { createdBy: p.createdBy });
  const r = await deps.checks.store.transition(id, p.status, 'cancelled', actor.name, comment, { kind: 'release' });
  if (!r.ok) throw new PromiseNotFoundError(id, r.status ? `is ${r.status} now` : 'does not exist');
  return { id, status: r.promise.status };
}
