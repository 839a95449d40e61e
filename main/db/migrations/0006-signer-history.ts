import type { Database } from 'better-sqlite3';

/**
 * What verify needs to judge a signature by the signer's standing when they signed
 * (`promises.md`, Signed summary), and sign-in throttling per name and source.
 *
 * - `user_states`: every role and enabled/disabled state a user has had, each from `from_at` until
 *   the next row of that user (`seq` orders them). A user's role at a time is the last row with
 *   `from_at` ≤ that time. Filled here from `users` and `user_events`.
 * - `sign_in_attempts` replaces `sign_in_failures`: attempts since the last success per lower-case
 *   name and source (`cli:<os user>`, `app`, `web:<address>`), counted before the passphrase is
 *   checked, so a wrong guess from one place never locks the user out elsewhere.
 * (`user_keys` already keeps every key with `created_at` and `retired_at`.)
 */
export const version = 6;
export const name = 'signer-history';

interface UserRow {
  id: number;
  name: string;
  role: string;
  disabled: number;
  created_at: string;
}
interface EventRow {
  at: string;
  action: string;
  detail: string | null;
}

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE user_states (
      seq INTEGER PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id),
      from_at TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('sales', 'operations', 'manager', 'admin')),
      disabled INTEGER NOT NULL CHECK (disabled IN (0, 1))
    ) STRICT;
    CREATE INDEX user_states_by_user ON user_states (user_id, seq);

    CREATE TABLE sign_in_attempts (
      name_lower TEXT NOT NULL,
      source TEXT NOT NULL,
      attempts INTEGER NOT NULL CHECK (attempts > 0),
      last_attempt_at TEXT NOT NULL,
      PRIMARY KEY (name_lower, source)
    ) STRICT;
    DROP TABLE sign_in_failures;
  `);
  const insert = db.prepare('INSERT INTO user_states (user_id, from_at, role, disabled) VALUES (?, ?, ?, ?)');
  const events = db.prepare(`SELECT at, action, detail FROM user_events WHERE target = ? AND action IN ('add', 'role', 'disable', 'enable') ORDER BY id`);
  for (const u of db.prepare('SELECT id, name, role, disabled, created_at FROM users ORDER BY id').all() as UserRow[]) {
    // Replay what the events say happened; the row as it is now closes the history.
    let role = u.role;
    let disabled = 0;
    let at = u.created_at;
    const rows: [string, string, number][] = [];
    for (const e of events.all(u.name) as EventRow[]) {
      if (e.action === 'add') role = e.detail ?? role;
      else if (e.action === 'role') role = e.detail?.split(' -> ')[1] ?? role;
      else disabled = e.action === 'disable' ? 1 : 0;
      at = e.action === 'add' ? u.created_at : e.at;
      rows.push([at, role, disabled]);
    }
    if (rows.length === 0 || role !== u.role || disabled !== u.disabled) rows.push([rows.length ? at : u.created_at, u.role, u.disabled]);
    for (const [from, r, d] of rows) insert.run(u.id, from, r, d);
  }
}
