/**
 * `import --dry-run`: what the import would change, per table, and which open promises would
 * become at risk or stop being at risk, with their reasons. Nothing is written. Text for people,
 * or one JSON object with `--json`.
 */
import type { Cell, RowChange } from '../workbook/diff';
import type { DryRunResult } from '../services/workbook-service';
import type { ImpactPromise } from '../services/risk-impact';
import { sayImpact } from '../services/risk-impact';
import { out, outJson } from './output';

type DryRun = Extract<DryRunResult, { ok: true }>;

/** Row changes shown per table in the text; `--json` has all of them. */
const SHOWN = 10;

const show = (v: Cell) => (v === null ? '(empty)' : String(v));

function sayChange(c: RowChange): string {
  if (c.op === 'change') return `  ~ ${c.key}: ${c.fields.map((f) => `${f.column} ${show(f.old)} → ${show(f.new)}`).join(', ')}`;
  return `  ${c.op === 'add' ? '+' : '-'} ${c.key}`;
}

const sayPromise = (p: ImpactPromise) => `  ${p.id} (${p.customer}): ${p.reasons.map((r) => r.message).join(' ')}`;

export function printDryRun(r: DryRun, asOf: string, json: boolean): void {
  if (json) {
    outJson({
      dry_run: true,
      source: r.source,
      format: r.format,
      row_count: r.rowCount,
      base_version: r.baseVersion,
      as_of: asOf,
      added: r.diff.added,
      changed: r.diff.changed,
      removed: r.diff.removed,
      tables: r.diff.tables.map((t) => ({ table: t.table, added: t.added, changed: t.changed, removed: t.removed, unchanged: t.unchanged, changes: t.changes })),
      impact: { open: r.impact.open, become_at_risk: r.impact.becomeAtRisk, stop_at_risk: r.impact.stopAtRisk, stay_at_risk: r.impact.stayAtRisk },
    });
    return;
  }
  const lines = [`Dry run of ${r.source} (${r.format === 'csv' ? 'CSV folder' : '.xlsx'}, ${r.rowCount} rows): nothing was changed.`];
  lines.push(r.baseVersion ? `Against the tables now (data version ${r.baseVersion}), it would change:` : 'The database has no tables yet; it would add:');
  for (const t of r.diff.tables) {
    if (t.added + t.changed + t.removed === 0) continue;
    lines.push(`${t.table}: ${t.added} added, ${t.changed} changed, ${t.removed} removed (${t.unchanged} unchanged)`);
    lines.push(...t.changes.slice(0, SHOWN).map(sayChange));
    if (t.changes.length > SHOWN) lines.push(`  … and ${t.changes.length - SHOWN} more (--json lists them all)`);
  }
  if (r.diff.added + r.diff.changed + r.diff.removed === 0) lines.push('nothing: the workbook equals the tables.');
  lines.push(`Open promises replanned as of ${asOf}: ${r.impact.open}. ${sayImpact(r.impact)}`);
  if (r.impact.becomeAtRisk.length) lines.push('Would become at risk:', ...r.impact.becomeAtRisk.map(sayPromise));
  if (r.impact.stopAtRisk.length) lines.push('Would no longer be at risk (they were at risk because):', ...r.impact.stopAtRisk.map(sayPromise));
  out(lines.join('\n'));
}
