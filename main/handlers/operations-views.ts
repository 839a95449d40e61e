/**
 * The operations answers as the contract shapes them (`shared/contract-operations.ts`): change
 * sets, import impact and previews, refused edits.
 */
import type { Output } from '../../shared/contract';
import type { EditIssue } from '../../shared/edits/apply-edits';
import type { ChangeSet } from '../services/operations-deps';
import type { Refusal } from '../services/promise-service';
import type { RiskImpact } from '../services/risk-impact';
import type { PreviewResult } from '../services/workbook-transfer-service';
import { HandlerError } from './errors';

/** A refusal of the promise service where the channel answers with an error. */
export function refusalError(r: Refusal): HandlerError {
  const code = r.kind === 'forbidden' ? 'forbidden' : r.kind === 'not_found' || r.kind === 'wrong_state' ? 'not_found' : r.kind === 'request' ? 'invalid_request' : 'unavailable';
  return new HandlerError(code, r.message, r.issues);
}

export const view = (c: ChangeSet) => ({ id: c.id, kind: c.kind, at: c.at, user: c.user, source: c.source, data_version: c.dataVersion, added: c.added, changed: c.changed, removed: c.removed });

export const impactView = (i: RiskImpact) => ({ open: i.open, become_at_risk: i.becomeAtRisk, stop_at_risk: i.stopAtRisk, stay_at_risk: i.stayAtRisk });

export function previewView(p: PreviewResult): Output<'workbook:preview'> {
  if (!p.ok) return p;
  return { ok: true, token: p.token, source: p.source, format: p.format, row_count: p.rowCount, base_version: p.baseVersion, added: p.added, changed: p.changed, removed: p.removed, tables: p.tables, impact: impactView(p.impact) };
}

export const editsRefused = (r: { kind: 'invalid'; issues: EditIssue[] } | { kind: 'conflict' | 'empty'; message: string }, what: string) =>
  r.kind === 'invalid'
    ? { reason: 'invalid' as const, message: `The edits have ${r.issues.length} ${r.issues.length === 1 ? 'problem' : 'problems'}; nothing was ${what}.`, issues: r.issues }
    : { reason: r.kind, message: r.message, issues: [] };

