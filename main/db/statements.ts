/**
 * Prepared statements kept per database connection. Preparing compiles the SQL each time; the
 * statements run for every promise recorded and every hold written were prepared again on every
 * call, most of the cost of recording 20,000 promises or writing a replan (issue #15, speed).
 * Only for fixed SQL text (never text built from values).
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
}
