/**
 * A deterministic text dump of a database: its schema version, then every table's definition and
 * rows in rowid order. Two dumps are equal exactly when the stored data is.
 */
import type { Database } from 'better-sqlite3';

export function dumpDatabase(db: Database): string {
  const out: string[] = [`user_version ${String(db.pragma('user_version', { simple: true }))}`];
  const objects = db
    .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string | null }[];
  for (const o of objects) {
    out.push(`${o.type} ${o.name}: ${o.sql ?? ''}`);
    if (o.type !== 'table') continue;
    const rows = db.prepare(`SELECT * FROM "${o.name.replaceAll('"', '""')}" ORDER BY rowid`).raw().all() as unknown[][];
    for (const r of rows) out.push(JSON.stringify(r));
  }
  const seq = db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'sqlite_sequence'`).get();
  if (seq) for (const r of db.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').raw().all()) out.push(`sequence ${JSON.stringify(r)}`);
  return out.join('\n') + '\n';
}
