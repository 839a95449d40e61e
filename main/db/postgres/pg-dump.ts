/**
 * A deterministic text dump of a team database (tests use it to prove "unchanged"): its schema
 * version, every table's columns and rows (sorted by their text), and the sequences' values.
 */
import type pg from 'pg';

export async function dumpPostgres(c: pg.ClientBase): Promise<string> {
  const out: string[] = [];
  const version = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  out.push(`schema_version ${version.rows[0]?.v ?? 0}`);
  const tables = await c.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('schema_migrations', 'applied_changes') ORDER BY table_name`,
  );
  for (const { table_name: t } of tables.rows) {
    const cols = await c.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [t],
    );
    out.push(`table ${t}: ${cols.rows.map((r) => `${r.column_name} ${r.data_type}`).join(', ')}`);
    const rows = await c.query<{ r: string }>(`SELECT t::text AS r FROM "${t.replaceAll('"', '""')}" t ORDER BY 1`);
    for (const r of rows.rows) out.push(r.r);
  }
  const seqs = await c.query<{ sequencename: string; last_value: number | null }>(
    // Identity sequences advance even in a transaction that rolls back: only the numbers we hand out count.
    `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() AND sequencename NOT LIKE '%\_id\_seq' ORDER BY sequencename`,
  );
  for (const s of seqs.rows) out.push(`sequence ${s.sequencename} ${s.last_value ?? 0}`);
  return out.join('\n') + '\n';
}
